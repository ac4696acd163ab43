/**
 * One page instance, as the platform makes it from the bundle's `Page(config)`: its own `data`,
 * `route`, and a `setData` that applies each key as a path into the tree and records how many
 * bytes crossed to the view (the cost that matters most on a phone). Lifecycles are called the
 * way the platform calls them; events go through the page's `eh` handler.
 */
import { applyDataPath, type Located, type MiniNode } from './data-tree'
import { bubbles, Scope, type ScopeHost } from './scope'
import type { NodeTemplate } from './templates'
import type { ChangeSignal } from './wait'

export interface SetDataRecord {
  route: string
  /** UTF-8 bytes of the JSON that `setData` sends. */
  bytes: number
  keys: string[]
}

export type PageState = 'shown' | 'hidden' | 'unloaded'

type PageMethod = (this: unknown, ...args: unknown[]) => unknown

export interface PageHost {
  templates: Map<string, NodeTemplate>
  signal: ChangeSignal
  toContext: <T>(value: T) => T
  /** Runs a callback on a later task, unless the runtime was closed. */
  deliver: (callback: () => void) => void
  /** After an event: lets React render and Taro send its setData. */
  settle: () => Promise<void>
  describe: () => string
}

export class MiniPage extends Scope {
  /** The object the bundle sees as `this`. */
  readonly instance: Record<string, unknown>
  readonly setDataCalls: SetDataRecord[] = []
  /** The page's text after each setData that changed it: screens that flashed by are kept too. */
  readonly textHistory: string[] = []
  state: PageState = 'hidden'

  constructor(
    readonly route: string,
    readonly query: Record<string, string>,
    config: Record<string, unknown>,
    private readonly pageHost: PageHost,
  ) {
    const scopeHost: ScopeHost = {
      templates: pageHost.templates,
      signal: pageHost.signal,
      dispatch: (type, target, detail) => this.dispatch(type, target, detail),
      describe: () => `${route}\n${this.text()}\n${pageHost.describe()}`,
    }
    super(scopeHost, () => (this.instance.data as { root?: MiniNode }).root, route)
    const instance = Object.create(config) as Record<string, unknown>
    // A copy per instance; the tree is read here only, so it can live in Node's realm.
    instance.data = JSON.parse(JSON.stringify(config.data ?? {}))
    instance.route = route
    instance.__route__ = route
    instance.setData = (payload: Record<string, unknown>, callback?: () => void) =>
      this.applySetData(payload, callback)
    this.instance = instance
  }

  private applySetData(payload: Record<string, unknown>, callback?: () => void): void {
    const json = JSON.stringify(payload)
    const record = { route: this.route, bytes: Buffer.byteLength(json), keys: Object.keys(payload) }
    this.setDataCalls.push(record)
    const values = JSON.parse(json) as Record<string, unknown>
    const data = this.instance.data as Record<string, unknown>
    for (const [key, value] of Object.entries(values)) applyDataPath(data, key, value)
    const text = this.text()
    if (text !== this.textHistory[this.textHistory.length - 1]) this.textHistory.push(text)
    this.pageHost.signal.notify()
    if (callback) this.pageHost.deliver(callback)
  }

  /** Whether the page ever showed this text (even if a later render replaced it). */
  hasShown(matcher: string | RegExp): boolean {
    return this.textHistory.some((text) =>
      typeof matcher === 'string' ? text.includes(matcher) : matcher.test(text),
    )
  }

  /** What was sent since `fromCall` (an index into setDataCalls): bytes, calls and their keys. */
  sentSince(fromCall: number): { bytes: number; calls: number; keys: string[] } {
    const calls = this.setDataCalls.slice(fromCall)
    return {
      bytes: calls.reduce((sum, call) => sum + call.bytes, 0),
      calls: calls.length,
      keys: calls.flatMap((call) => call.keys),
    }
  }

  private call(name: string, ...args: unknown[]): void {
    const method = this.instance[name] as PageMethod | undefined
    if (typeof method === 'function') method.call(this.instance, ...args)
  }

  load(): void {
    this.call('onLoad', this.pageHost.toContext(this.query))
    this.show()
    // onReady follows the first render, a task later.
    this.pageHost.deliver(() => this.state !== 'unloaded' && this.call('onReady'))
  }

  show(): void {
    this.state = 'shown'
    this.call('onShow')
    this.pageHost.signal.notify()
  }

  hide(): void {
    if (this.state !== 'shown') return
    this.state = 'hidden'
    this.call('onHide')
  }

  /** Leaving for good (redirectTo, navigateBack, reLaunch): onUnload only, as the platforms do. */
  unload(): void {
    if (this.state === 'unloaded') return
    this.state = 'unloaded'
    this.call('onUnload')
  }

  /** Sends an event as the platform does: to the target, then (for taps) to each listening ancestor. */
  private async dispatch(type: string, target: Located, detail: Record<string, unknown>): Promise<void> {
    if (this.state !== 'shown') throw new Error(`${this.route} is not showing; cannot send "${type}"`)
    const handler = this.instance.eh as PageMethod | undefined
    if (typeof handler !== 'function') throw new Error(`${this.route} has no event handler "eh"`)
    const chain = bubbles(type) ? [target.node, ...[...target.ancestors].reverse()] : [target.node]
    const ref = (node: MiniNode) => ({ id: node.uid ?? node.sid, dataset: { sid: node.sid } })
    for (const node of chain) {
      const binding = this.pageHost.templates.get(String(node.nn))?.events.get(type)
      if (!binding) continue
      const event = {
        type,
        timeStamp: Date.now(),
        detail,
        target: ref(target.node),
        currentTarget: ref(node),
      }
      handler.call(this.instance, this.pageHost.toContext(event))
      if (binding === 'catch') break
    }
    await this.pageHost.settle()
  }
}
