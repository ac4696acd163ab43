/**
 * A page's rendered tree as Taro keeps it in `page.data.root`: nodes with `sid`, `nn` (the
 * template kind), `cn` (children) and, on text nodes, `v`. `setData` keys are paths into it
 * (`root.cn.[0].cn.[1].v`); this module applies them and reads the tree as a user sees it.
 */
export interface MiniNode {
  sid?: string
  nn?: string
  cn?: MiniNode[]
  v?: string
  [key: string]: unknown
}

type PathToken = string | number

/** `root.cn.[0].cn.[1].v` (Taro) or `root.cn[0].v` (WeChat style) → ['root', 'cn', 0, 'cn', 1, 'v']. */
export function parseDataPath(key: string): PathToken[] {
  const tokens: PathToken[] = []
  for (const [, name, index] of key.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    tokens.push(index !== undefined ? Number(index) : name)
  }
  return tokens
}

export function applyDataPath(data: Record<string, unknown>, key: string, value: unknown): void {
  const tokens = parseDataPath(key)
  let target = data as Record<PathToken, unknown>
  tokens.slice(0, -1).forEach((token, i) => {
    const next = target[token]
    if (next === null || typeof next !== 'object') {
      target[token] = typeof tokens[i + 1] === 'number' ? [] : {}
    }
    target = target[token] as Record<PathToken, unknown>
  })
  target[tokens[tokens.length - 1]] = value
}

export const isTextNode = (node: MiniNode) => typeof node.v === 'string'

export interface Located {
  node: MiniNode
  /** From the root down to the node's parent. */
  ancestors: MiniNode[]
}

/** Every element (not text node) under `root`, depth first, with its ancestors. */
export function* elements(root: MiniNode, ancestors: MiniNode[] = []): Generator<Located> {
  for (const child of root.cn ?? []) {
    if (isTextNode(child)) continue
    yield { node: child, ancestors }
    yield* elements(child, [...ancestors, child])
  }
}

/**
 * What a user reads in a node: adjacent text nodes run together (one line of inline text),
 * child elements are separated by line breaks.
 */
export function textContent(node: MiniNode): string {
  if (isTextNode(node)) return node.v!
  const parts: string[] = []
  let inline = ''
  for (const child of node.cn ?? []) {
    if (isTextNode(child)) {
      inline += child.v
      continue
    }
    if (inline) parts.push(inline)
    inline = ''
    const text = textContent(child)
    if (text) parts.push(text)
  }
  if (inline) parts.push(inline)
  return parts.join('\n')
}

export type TextMatcher = string | RegExp

export function matchesText(text: string, matcher: TextMatcher, exact: boolean): boolean {
  if (matcher instanceof RegExp) return matcher.test(text)
  return exact ? text.trim() === matcher : text.includes(matcher)
}

/**
 * The innermost elements whose text matches: an element is left out when one of its children
 * matches too, so a tap goes to the control that shows the text, not to the whole page.
 */
export function findByText(root: MiniNode, matcher: TextMatcher, exact = false): Located[] {
  const found: Located[] = []
  const visit = (node: MiniNode, ancestors: MiniNode[]): boolean => {
    const below = node === root ? [] : [...ancestors, node]
    let inner = false
    for (const child of node.cn ?? []) {
      if (!isTextNode(child) && visit(child, below)) inner = true
    }
    if (inner) return true
    if (node !== root && matchesText(textContent(node), matcher, exact)) {
      found.push({ node, ancestors })
      return true
    }
    return false
  }
  visit(root, [])
  return found
}
