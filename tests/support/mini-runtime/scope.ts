/**
 * Finding things on a page the way a user does — by the text they read — and acting on them:
 * a tap goes to the element showing the text and bubbles up through every ancestor that listens
 * (as the platform does), an input types into the field with that placeholder.
 */
import {
  elements,
  findByText,
  matchesText,
  textContent,
  type Located,
  type MiniNode,
  type TextMatcher,
} from './data-tree'
import type { NodeTemplate } from './templates'
import { waitFor, type ChangeSignal, type WaitOptions } from './wait'

export interface FindOptions {
  /** The whole (trimmed) text must equal the string. Default: contains. */
  exact?: boolean
  /** Which match when several show the text (in page order). Without it, several matches fail. */
  index?: number
}

/** What a scope needs from its page: the tree, the templates and a way to send events. */
export interface ScopeHost {
  templates: Map<string, NodeTemplate>
  signal: ChangeSignal
  dispatch(type: string, target: Located, detail: Record<string, unknown>): Promise<void>
  describe(): string
}

/** Events that bubble through the tree on the platforms (the others reach only their target). */
const BUBBLING = new Set([
  'tap',
  'longtap',
  'longpress',
  'touchstart',
  'touchmove',
  'touchend',
  'touchcancel',
])

export class Scope {
  constructor(
    protected readonly host: ScopeHost,
    private readonly resolveRoot: () => MiniNode | undefined,
    private readonly label = 'the page',
  ) {}

  get root(): MiniNode {
    const root = this.resolveRoot()
    if (!root) throw new Error(`${this.label} is no longer on the page`)
    return root
  }

  /** Everything the user can read here, one element per line. */
  text(): string {
    const root = this.resolveRoot()
    return root ? textContent(root) : ''
  }

  hasText(matcher: TextMatcher, exact = false): boolean {
    return findByText(this.root, matcher, exact).length > 0
  }

  findAll(matcher: TextMatcher, options: FindOptions = {}): Located[] {
    return findByText(this.root, matcher, options.exact ?? false)
  }

  find(matcher: TextMatcher, options: FindOptions = {}): Located {
    const found = this.findAll(matcher, options)
    if (found.length === 0) throw new Error(`No "${String(matcher)}" in ${this.label}:\n${this.text()}`)
    if (options.index === undefined && found.length > 1) {
      const texts = found.map((hit) => JSON.stringify(textContent(hit.node))).join(', ')
      throw new Error(
        `"${String(matcher)}" shows ${found.length} times in ${this.label} (${texts}); pass { index }`,
      )
    }
    const hit = found[options.index ?? 0]
    if (!hit) throw new Error(`No match #${options.index} for "${String(matcher)}" (${found.length} found)`)
    return hit
  }

  /** The smallest part of this scope that shows `matcher` and also `containing` (e.g. one cart line). */
  within(matcher: TextMatcher, containing: TextMatcher): Scope {
    const resolve = () => {
      const hit = findByText(this.root, matcher)[0]
      if (!hit) return undefined
      const chain = [...hit.ancestors, hit.node].reverse()
      return chain.find((node) => matchesText(textContent(node), containing, false))
    }
    return new Scope(this.host, resolve, `the part showing "${String(matcher)}"`)
  }

  /** The element's template (tag, events, attributes). */
  template(node: MiniNode): NodeTemplate | undefined {
    return this.host.templates.get(String(node.nn))
  }

  attribute(node: MiniNode, name: string): unknown {
    const key = this.template(node)?.attributes.get(name)
    return key === undefined ? undefined : node[key]
  }

  /** Elements of a tag (`web-view`, `input`, `image`...), in page order. */
  byTag(tag: string): Located[] {
    return [...elements(this.root)].filter(({ node }) => this.template(node)?.tag === tag)
  }

  /** Taps what shows this text, as a finger would. */
  async tapText(matcher: TextMatcher, options: FindOptions = {}): Promise<void> {
    const target = this.find(matcher, options)
    const chain = [target.node, ...[...target.ancestors].reverse()]
    const button = chain.find((node) => this.template(node)?.tag === 'button')
    if (button && this.attribute(button, 'disabled')) {
      throw new Error(`"${String(matcher)}" is a disabled button`)
    }
    if (!chain.some((node) => this.template(node)?.events.has('tap'))) {
      throw new Error(`Nothing listens to a tap on "${String(matcher)}" in ${this.label}`)
    }
    await this.host.dispatch('tap', target, {})
  }

  /** Types into the input whose placeholder is `placeholder` (the whole value, as one input event). */
  async input(placeholder: string, value: string): Promise<void> {
    await this.host.dispatch('input', this.inputNamed(placeholder), { value, cursor: value.length })
  }

  private inputNamed(placeholder: string): Located {
    const inputs = this.byTag('input')
    const found = inputs.find(({ node }) => this.attribute(node, 'placeholder') === placeholder)
    if (!found) {
      const names = inputs.map(({ node }) => this.attribute(node, 'placeholder'))
      throw new Error(
        `No input with placeholder "${placeholder}" in ${this.label} (inputs: ${names.join(', ')})`,
      )
    }
    return found
  }

  /** Waits for any condition on this scope, re-checked after every render. */
  waitFor<T>(
    condition: () => T | undefined | null | false,
    message: string,
    options: WaitOptions = {},
  ): Promise<T> {
    return waitFor(condition, this.host.signal, { message, describe: () => this.host.describe(), ...options })
  }

  waitForText(matcher: TextMatcher, options: WaitOptions & { exact?: boolean } = {}): Promise<true> {
    return this.waitFor(
      () => this.resolveRoot() !== undefined && this.hasText(matcher, options.exact),
      `"${String(matcher)}" in ${this.label}`,
      options,
    )
  }
}

export const bubbles = (type: string) => BUBBLING.has(type)
