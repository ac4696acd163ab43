/**
 * The platform's page stack and tab bar: navigateTo pushes (hiding the page below), redirectTo
 * replaces, navigateBack pops (unloading), switchTab keeps tab pages alive and unloads the rest,
 * reLaunch unloads everything. Lifecycles follow: the page left gets onHide or onUnload, the page
 * reached gets onLoad/onShow/onReady (new) or onShow (kept).
 */
import path from 'node:path'
import type { MiniPage } from './page'
import type { RouterApi } from './platform-api'

/** Alipay and WeChat both refuse a navigateTo beyond ten pages. */
const MAX_DEPTH = 10

export interface ParsedUrl {
  route: string
  query: Record<string, string>
}

export function parsePageUrl(url: string, fromRoute = ''): ParsedUrl {
  const [pathPart, queryPart = ''] = url.split('?')
  const route = pathPart.startsWith('/')
    ? pathPart.slice(1)
    : path.posix.normalize(path.posix.join(path.posix.dirname(fromRoute), pathPart))
  const query: Record<string, string> = {}
  for (const pair of queryPart.split('&').filter(Boolean)) {
    const [key, value = ''] = pair.split('=')
    query[decodeURIComponent(key)] = decodeURIComponent(value)
  }
  return { route, query }
}

export class PageStack implements RouterApi {
  readonly stack: MiniPage[] = []
  private readonly tabPages = new Map<string, MiniPage>()

  constructor(
    private readonly routes: readonly string[],
    private readonly tabRoutes: ReadonlySet<string>,
    private readonly open: (route: string, query: Record<string, string>) => MiniPage,
    private readonly changed: () => void,
  ) {}

  get current(): MiniPage | undefined {
    return this.stack[this.stack.length - 1]
  }

  currentRoute(): string | undefined {
    return this.current?.route
  }

  isTabPage(route: string | undefined): boolean {
    return route !== undefined && this.tabRoutes.has(route)
  }

  private target(url: string, wantTab: boolean): ParsedUrl {
    const parsed = parsePageUrl(url, this.currentRoute())
    if (!this.routes.includes(parsed.route)) throw new Error(`page "${parsed.route}" is not in app.json`)
    if (wantTab !== this.isTabPage(parsed.route)) {
      throw new Error(
        wantTab ? `${parsed.route} is not a tab page` : `cannot navigate to tab page ${parsed.route}`,
      )
    }
    return parsed
  }

  private push(page: MiniPage): void {
    this.stack.push(page)
    if (this.isTabPage(page.route)) this.tabPages.set(page.route, page)
    page.load()
    this.changed()
  }

  navigateTo(url: string): void {
    const { route, query } = this.target(url, false)
    if (this.stack.length >= MAX_DEPTH) throw new Error('the page stack is full (10 pages)')
    const page = this.open(route, query)
    this.current?.hide()
    this.push(page)
  }

  redirectTo(url: string): void {
    const { route, query } = this.target(url, false)
    const page = this.open(route, query)
    this.leave(this.stack.pop())
    this.push(page)
  }

  navigateBack(delta: number): void {
    const steps = Math.min(Math.max(1, delta), this.stack.length - 1)
    for (let i = 0; i < steps; i++) this.leave(this.stack.pop())
    this.current?.show()
    this.changed()
  }

  switchTab(url: string): void {
    const { route, query } = this.target(url, true)
    while (this.stack.length) this.leave(this.stack.pop())
    const kept = this.tabPages.get(route)
    if (kept) {
      this.stack.push(kept)
      kept.show()
      this.changed()
    } else {
      this.push(this.open(route, query))
    }
  }

  reLaunch(url: string): void {
    const parsed = parsePageUrl(url, this.currentRoute())
    if (!this.routes.includes(parsed.route)) throw new Error(`page "${parsed.route}" is not in app.json`)
    while (this.stack.length) this.stack.pop()!.unload()
    for (const page of this.tabPages.values()) page.unload()
    this.tabPages.clear()
    this.push(this.open(parsed.route, parsed.query))
  }

  /** A tab page left behind stays alive (hidden); any other page is unloaded. */
  private leave(page: MiniPage | undefined): void {
    if (!page) return
    if (this.isTabPage(page.route)) page.hide()
    else page.unload()
  }
}
