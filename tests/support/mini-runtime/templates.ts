/**
 * What Taro's generated base template (`base.axml` on Alipay, `base.wxml` on WeChat) says about
 * each node kind `nn`: its tag, which events reach the page's `eh` handler, and which short data
 * key (`p0`, `p1`, `cl`, ...) holds each attribute. The harness reads the compiled file instead of
 * hard-coding numbers, so it follows whatever the build generated.
 */
import fs from 'node:fs'

export interface NodeTemplate {
  nn: string
  tag: string
  /** Event name (lower case, e.g. `tap`, `input`) → whether it bubbles on (`bind`) or is caught. */
  events: Map<string, 'bind' | 'catch'>
  /** Attribute name (e.g. `placeholder`, `src`) → the node's data key. */
  attributes: Map<string, string>
}

const TEMPLATE = /<template name="tmpl_0_([^"_]+)(?:_[a-z]+)?">\s*<([\w-]+)([^>]*)>/g
// `onTap="eh"` (Alipay), `bindtap="eh"` / `catchtouchmove="eh"` (WeChat), `catchTouchMove="eh"`.
const EVENT = /\b(on|catch|bind|catch:|bind:)([A-Za-z]+)="eh"/g
const ATTRIBUTE = /\s([\w:-]+)="\{\{[^"]*?\bi\.(\w+)/g

export function parseTemplates(baseTemplateFile: string): Map<string, NodeTemplate> {
  const source = fs.readFileSync(baseTemplateFile, 'utf8')
  const templates = new Map<string, NodeTemplate>()
  for (const [, nn, tag, attributeText] of source.matchAll(TEMPLATE)) {
    // Variants (tmpl_0_24_focus / _blur) share the node kind: the first one read is enough.
    if (templates.has(nn) || tag === 'template') continue
    const events = new Map<string, 'bind' | 'catch'>()
    for (const [, prefix, name] of attributeText.matchAll(EVENT)) {
      events.set(name.toLowerCase(), prefix.startsWith('catch') ? 'catch' : 'bind')
    }
    const attributes = new Map<string, string>()
    for (const [, name, key] of attributeText.matchAll(ATTRIBUTE)) {
      if (!attributes.has(name)) attributes.set(name, key)
    }
    templates.set(nn, { nn, tag, events, attributes })
  }
  if (templates.size === 0) throw new Error(`No Taro node templates found in ${baseTemplateFile}`)
  return templates
}
