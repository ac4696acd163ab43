/**
 * Launches a built mini-program (dist/alipay with `my`, dist/weapp with `wx`) in one `vm`
 * context: App lifecycles, pages from the bundle's own `Page(config)` (a subpackage's files load
 * when its first page opens, see packages.ts), the page stack, timers that die with the launch.
 * A relaunch is a new context over the same storage, as when the buyer kills the mini-program and
 * opens it again.
 */
import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import { AlipayServices } from './alipay-services'
import type { Platform } from './http-bridge'
import { MiniPage } from './page'
import { PageStack, parsePageUrl } from './page-stack'
import { Packages, type AppJsonPackages } from './packages'
import { createPlatformApi, MiniStorage, type UiLog } from './platform-api'
import { parseTemplates } from './templates'
import { productionApiOrigin } from '../production-api'
import { createModuleLoader } from './vm-loader'
import { ChangeSignal, waitFor, type WaitOptions } from './wait'

export interface LaunchOptions {
  /** The reference server the app talks to (its requests to apiOrigin go here). */
  baseUrl: string
  platform?: Platform
  /** Default: MINI_DIST_DIR (alipay) / MINI_WEAPP_DIST_DIR (weapp), else dist/<platform>. */
  distDir?: string
  /** The API origin baked into the bundle (default: the production builds' own). */
  apiOrigin?: string
  storage?: MiniStorage
  alipay?: AlipayServices
  /** The first page's URL, e.g. `pageUrl('faq')` of src/shared/routes. Default: app.json's first page. */
  entry?: string
  /** Print the bundle's console output (MINI_RUNTIME_LOG=1 does the same). */
  log?: boolean
}

const ROOT = path.resolve(__dirname, '../../..')

export function defaultDistDir(platform: Platform): string {
  const fromEnv = platform === 'alipay' ? process.env.MINI_DIST_DIR : process.env.MINI_WEAPP_DIST_DIR
  return path.resolve(fromEnv || path.join(ROOT, 'dist', platform))
}

interface AppJson extends AppJsonPackages {
  tabBar?: { items?: { pagePath: string; name: string }[]; list?: { pagePath: string; text: string }[] }
}

export class MiniProgram {
  readonly signal = new ChangeSignal()
  readonly ui: UiLog = {
    toasts: [],
    modals: [],
    titles: [],
    tabBadges: new Map(),
    tabTexts: new Map(),
    http: [],
  }
  readonly consoleErrors: string[] = []
  readonly storage: MiniStorage
  readonly alipay: AlipayServices
  readonly pages: PageStack
  readonly tabs: { route: string; text: string }[]
  /** The main package and the subpackages: which were preloaded, which opened, in what order. */
  readonly packages: Packages
  private readonly timers = new Set<NodeJS.Timeout>()
  private readonly pageConfigs = new Map<string, Record<string, unknown>>()
  private closed = false
  readonly entryUrl: string

  constructor(readonly options: LaunchOptions & { platform: Platform; distDir: string }) {
    this.storage = options.storage ?? new MiniStorage()
    this.alipay = options.alipay ?? new AlipayServices(options.baseUrl)
    const appJson = JSON.parse(fs.readFileSync(path.join(options.distDir, 'app.json'), 'utf8')) as AppJson
    this.tabs = (appJson.tabBar?.items ?? []).map((item) => ({ route: item.pagePath, text: item.name }))
    this.tabs.push(...(appJson.tabBar?.list ?? []).map((item) => ({ route: item.pagePath, text: item.text })))
    this.entryUrl = options.entry ?? `/${appJson.pages[0]}`
    this.packages = new Packages(appJson)
    this.pages = new PageStack(
      this.packages.routes,
      new Set(this.tabs.map((tab) => tab.route)),
      (route, query) => this.openPage(route, query),
      () => this.signal.notify(),
    )
  }

  private context!: vm.Context
  private loader!: ReturnType<typeof createModuleLoader>
  private templates!: ReturnType<typeof parseTemplates>
  private loadingRoute: string | undefined
  private appInstance: Record<string, unknown> | undefined

  /** Runs `callback` on a later task, unless the launch is closed by then. */
  deliver = (callback: () => void): void => {
    if (this.closed) return
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      if (!this.closed) callback()
    }, 0)
    this.timers.add(timer)
  }

  toContext = <T>(value: T): T =>
    value === undefined ? value : (vm.runInContext('JSON', this.context) as JSON).parse(JSON.stringify(value))

  start(): void {
    const { platform, distDir } = this.options
    this.templates = parseTemplates(path.join(distDir, platform === 'alipay' ? 'base.axml' : 'base.wxml'))
    this.context = vm.createContext(this.globals())
    const api = createPlatformApi({
      platform,
      apiOrigin: this.options.apiOrigin ?? productionApiOrigin(),
      baseUrl: this.options.baseUrl,
      storage: this.storage,
      router: this.pages,
      alipay: this.alipay,
      ui: this.ui,
      toContext: this.toContext,
      deliver: this.deliver,
    })
    this.context[platform === 'alipay' ? 'my' : 'wx'] = api
    this.loader = createModuleLoader(this.context, distDir, (from, to) =>
      this.packages.checkRequire(from, to),
    )
    this.loader.load('app.js')
    if (!this.appInstance) throw new Error('app.js did not call App()')
    const entry = parsePageUrl(this.entryUrl)
    const launchOptions = this.toContext({ path: entry.route, query: entry.query, scene: 1001 })
    this.callApp('onLaunch', launchOptions)
    this.callApp('onShow', launchOptions)
  }

  private callApp(name: string, ...args: unknown[]): void {
    const method = this.appInstance?.[name]
    if (typeof method === 'function') method.apply(this.appInstance, args)
  }

  private globals(): Record<string, unknown> {
    const track = (timer: NodeJS.Timeout) => (this.timers.add(timer), timer)
    const print = this.options.log || process.env.MINI_RUNTIME_LOG === '1'
    const consoleFor =
      (level: 'log' | 'info' | 'warn' | 'error' | 'debug') =>
      (...args: unknown[]) => {
        if (level === 'error') this.consoleErrors.push(args.map(String).join(' '))
        if (print) console[level](`[mini ${this.options.platform}]`, ...args)
      }
    return {
      console: {
        log: consoleFor('log'),
        info: consoleFor('info'),
        warn: consoleFor('warn'),
        error: consoleFor('error'),
        debug: consoleFor('debug'),
      },
      setTimeout: (fn: () => void, ms?: number, ...args: unknown[]) =>
        track(setTimeout(() => !this.closed && fn(...(args as [])), ms)),
      clearTimeout: (timer: NodeJS.Timeout) => (this.timers.delete(timer), clearTimeout(timer)),
      setInterval: (fn: () => void, ms?: number) => track(setInterval(() => !this.closed && fn(), ms)),
      clearInterval: (timer: NodeJS.Timeout) => (this.timers.delete(timer), clearInterval(timer)),
      navigator: {
        userAgent:
          this.options.platform === 'alipay'
            ? 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AlipayClient/10.6.0 MiniProgram'
            : 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) MicroMessenger/8.0.50 miniProgram',
      },
      App: (config: Record<string, unknown>) => {
        this.appInstance = config
      },
      Page: (config: Record<string, unknown>) => {
        if (!this.loadingRoute) throw new Error('Page() called outside a page file')
        this.pageConfigs.set(this.loadingRoute, config)
      },
      Component: () => undefined,
      getApp: () => this.appInstance,
      getCurrentPages: () => this.pages.stack.map((page) => page.instance),
      requirePlugin: () => ({}),
    }
  }

  private openPage(route: string, query: Record<string, string>): MiniPage {
    this.packages.open(route)
    if (!this.pageConfigs.has(route)) {
      this.loadingRoute = route
      try {
        this.loader.load(`${route}.js`)
      } finally {
        this.loadingRoute = undefined
      }
    }
    const config = this.pageConfigs.get(route)
    if (!config) throw new Error(`${route}.js did not call Page()`)
    this.packages.preloadFor(route)
    return new MiniPage(route, query, config, {
      templates: this.templates,
      signal: this.signal,
      toContext: this.toContext,
      deliver: this.deliver,
      settle: () => new Promise((resolve) => setTimeout(resolve, 0)),
      describe: () => this.describe(),
    })
  }

  /** What the runtime looked like, for failure messages. */
  describe(): string {
    const stack = this.pages.stack.map((page) => page.route).join(' > ')
    const failed = this.ui.http.filter((entry) => entry.status === 'failed' || entry.status >= 400).slice(-5)
    const lines = [`stack: ${stack}`, `toasts: ${JSON.stringify(this.ui.toasts.slice(-3))}`]
    if (failed.length)
      lines.push(`failed requests: ${failed.map((e) => `${e.method} ${e.url} ${e.status}`).join('; ')}`)
    if (this.consoleErrors.length) lines.push(`console.error: ${this.consoleErrors.slice(-3).join(' | ')}`)
    return lines.join('\n')
  }

  /** Waits until `route` is the page showing, and has rendered something. */
  waitForPage(route: string, options: WaitOptions = {}): Promise<MiniPage> {
    const wanted = route.replace(/^\//, '')
    return waitFor(
      () => {
        const page = this.pages.current
        return page?.route === wanted && page.state === 'shown' && page.setDataCalls.length > 0
          ? page
          : undefined
      },
      this.signal,
      { message: `page ${wanted}`, describe: () => this.describe(), ...options },
    )
  }

  /** Taps a tab in the tab bar (by its text). */
  async tapTab(text: string): Promise<MiniPage> {
    const tab = this.tabs.find(
      (candidate) => (this.ui.tabTexts.get(this.tabs.indexOf(candidate)) ?? candidate.text) === text,
    )
    if (!tab) throw new Error(`No tab "${text}" (tabs: ${this.tabs.map((t) => t.text).join(', ')})`)
    this.pages.switchTab(`/${tab.route}`)
    return this.waitForPage(tab.route)
  }

  /** Ends this launch: its timers stop, late callbacks are dropped. */
  close(): void {
    this.closed = true
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
  }
}

export async function launch(options: LaunchOptions): Promise<MiniProgram> {
  const platform = options.platform ?? 'alipay'
  const distDir = options.distDir ?? defaultDistDir(platform)
  const program = new MiniProgram({ ...options, platform, distDir })
  program.start()
  program.pages.reLaunch(program.entryUrl)
  return program
}

/** The buyer closes the mini-program and opens it again: a new context, the same storage. */
export function relaunch(previous: MiniProgram, entry?: string): Promise<MiniProgram> {
  previous.close()
  return launch({ ...previous.options, storage: previous.storage, alipay: previous.alipay, entry })
}
