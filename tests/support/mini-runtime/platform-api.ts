/**
 * The `my` (Alipay) or `wx` (WeChat) object the bundle calls: a plain object (Taro lists its keys
 * once at start-up, and a Proxy inventing functions breaks the bundle). Storage lives in a
 * `MiniStorage` the test owns, so it outlives a launch; requests are real HTTP; navigation goes
 * to the runtime's router; what the app shows outside its pages (toasts, modals, titles, the tab
 * bar's badge) is recorded in `UiLog`.
 */
import type { AlipayServices } from './alipay-services'
import { createRequest, type HttpRecord, type Platform } from './http-bridge'

/** The phone's storage: survives relaunches when the test passes the same instance. */
export class MiniStorage {
  readonly entries = new Map<string, string>()
  get(key: string): unknown {
    const raw = this.entries.get(key)
    return raw === undefined ? undefined : JSON.parse(raw)
  }
  set(key: string, value: unknown): void {
    this.entries.set(key, JSON.stringify(value))
  }
}

export interface UiLog {
  toasts: { title: string; icon?: string }[]
  modals: { kind: 'alert' | 'confirm'; title?: string; content?: string }[]
  titles: { route: string; title: string }[]
  tabBadges: Map<number, string>
  tabTexts: Map<number, string>
  http: HttpRecord[]
}

export interface RouterApi {
  currentRoute(): string | undefined
  isTabPage(route: string | undefined): boolean
  navigateTo(url: string): void
  redirectTo(url: string): void
  switchTab(url: string): void
  reLaunch(url: string): void
  navigateBack(delta: number): void
}

export interface PlatformApiOptions {
  platform: Platform
  apiOrigin: string
  baseUrl: string
  storage: MiniStorage
  router: RouterApi
  alipay: AlipayServices
  ui: UiLog
  toContext: <T>(value: T) => T
  deliver: (callback: () => void) => void
}

type Options = Record<string, unknown> & {
  success?: (result: unknown) => void
  fail?: (result: unknown) => void
  complete?: (result: unknown) => void
}

const SYSTEM_INFO = {
  brand: 'harness',
  model: 'iPhone 13',
  pixelRatio: 3,
  screenWidth: 390,
  screenHeight: 844,
  windowWidth: 390,
  windowHeight: 763,
  statusBarHeight: 47,
  titleBarHeight: 44,
  language: 'zh-Hans',
  system: '17.0',
  platform: 'iOS',
  version: '10.6.0',
  SDKVersion: '3.6.0',
}

export function createPlatformApi(options: PlatformApiOptions): Record<string, unknown> {
  const { platform, storage, router, ui, toContext, deliver } = options
  const alipay = platform === 'alipay'
  const failure = (message: string) =>
    alipay ? { error: 1, errorMessage: message } : { errMsg: `fail ${message}` }

  /** An async API: runs `work`, then calls success (or fail) and complete on a later task. */
  const asyncApi =
    (work: (o: Options) => unknown | Promise<unknown>) =>
    (o: Options = {}): void => {
      Promise.resolve()
        .then(() => work(o))
        .then(
          (result) =>
            deliver(() => {
              const value = toContext(result ?? {})
              o.success?.(value)
              o.complete?.(value)
            }),
          (error: unknown) =>
            deliver(() => {
              const value = toContext(failure(error instanceof Error ? error.message : String(error)))
              o.fail?.(value)
              o.complete?.(value)
            }),
        )
    }

  const navigation = {
    navigateTo: asyncApi((o) => router.navigateTo(String(o.url))),
    redirectTo: asyncApi((o) => router.redirectTo(String(o.url))),
    switchTab: asyncApi((o) => router.switchTab(String(o.url))),
    reLaunch: asyncApi((o) => router.reLaunch(String(o.url))),
    navigateBack: asyncApi((o) => router.navigateBack(Number(o.delta ?? 1))),
  }

  /** WeChat refuses tab-bar calls from pages that are not tab pages. */
  const tabBarCall = (change: (o: Options) => void) =>
    asyncApi((o) => {
      if (!alipay && !router.isTabPage(router.currentRoute())) throw new Error('not a tab page')
      change(o)
    })
  const tabBar = {
    setTabBarBadge: tabBarCall((o) => ui.tabBadges.set(Number(o.index), String(o.text))),
    removeTabBarBadge: tabBarCall((o) => ui.tabBadges.delete(Number(o.index))),
    setTabBarItem: tabBarCall(
      (o) => o.text !== undefined && ui.tabTexts.set(Number(o.index), String(o.text)),
    ),
  }

  const recordTitle = (o: Options) => {
    if (typeof o.title === 'string') ui.titles.push({ route: router.currentRoute() ?? '', title: o.title })
  }
  const common = {
    ...navigation,
    ...tabBar,
    request: createRequest({
      platform,
      apiOrigin: options.apiOrigin,
      baseUrl: options.baseUrl,
      toContext,
      deliver,
      record: (entry) => ui.http.push(entry),
    }),
    getSystemInfoSync: () => toContext({ ...SYSTEM_INFO, app: alipay ? 'alipay' : 'wechat' }),
    getSystemInfo: asyncApi(() => ({ ...SYSTEM_INFO, app: alipay ? 'alipay' : 'wechat' })),
    canIUse: (name: string) =>
      typeof (api as Record<string, unknown>)[String(name).split('.')[0]] === 'function',
    hideToast: asyncApi(() => undefined),
    showLoading: asyncApi(() => undefined),
    hideLoading: asyncApi(() => undefined),
    stopPullDownRefresh: asyncApi(() => undefined),
    pageScrollTo: asyncApi(() => undefined),
  }

  const api: Record<string, unknown> = alipay
    ? {
        ...common,
        getStorageSync: ({ key }: { key: string }) => toContext({ data: storage.get(key) ?? null }),
        setStorageSync: ({ key, data }: { key: string; data: unknown }) => void storage.set(key, data),
        removeStorageSync: ({ key }: { key: string }) => void storage.entries.delete(key),
        clearStorageSync: () => storage.entries.clear(),
        showToast: asyncApi(
          (o) => void ui.toasts.push({ title: String(o.content ?? ''), icon: o.type as string }),
        ),
        alert: asyncApi((o) => {
          ui.modals.push({ kind: 'alert', title: o.title as string, content: o.content as string })
        }),
        confirm: asyncApi((o) => {
          ui.modals.push({ kind: 'confirm', title: o.title as string, content: o.content as string })
          return { confirm: true }
        }),
        setNavigationBar: asyncApi(recordTitle),
        getAuthCode: asyncApi(async () => ({
          authCode: await options.alipay.authCode(),
          authSuccessScopes: ['auth_base'],
          authErrorScopes: {},
        })),
        // success for a ticked or unticked panel, fail for a closed one or an error (Alipay's doc).
        requestSubscribeMessage: (o: Options = {}) => {
          const { success: _s, fail: _f, complete: _c, ...args } = o
          void options.alipay.requestSubscribeMessage(JSON.parse(JSON.stringify(args))).then(
            ({ succeeded, result }) =>
              deliver(() => {
                const value = toContext(result)
                ;(succeeded ? o.success : o.fail)?.(value)
                o.complete?.(value)
              }),
            (error: unknown) =>
              deliver(() => {
                const value = toContext(failure(error instanceof Error ? error.message : String(error)))
                o.fail?.(value)
                o.complete?.(value)
              }),
          )
        },
        // The buyer's choice in the address sheet goes to `success` (9000, 6001) or `fail`.
        getAddress: (o: Options = {}) => {
          void options.alipay.getAddress().then((answer) => {
            deliver(() => {
              const value = toContext('success' in answer ? answer.success : answer.fail)
              if ('success' in answer) o.success?.(value)
              else o.fail?.(value)
              o.complete?.(value)
            })
          })
        },
        // The cashier answers in `success`, whatever the code (Alipay's documented behaviour).
        tradePay: asyncApi((o) => {
          const { success: _s, fail: _f, complete: _c, ...args } = o
          return options.alipay.tradePay(JSON.parse(JSON.stringify(args)))
        }),
      }
    : {
        ...common,
        getStorageSync: (key: string) => toContext(storage.get(key) ?? ''),
        setStorageSync: (key: string, data: unknown) => void storage.set(key, data),
        removeStorageSync: (key: string) => void storage.entries.delete(key),
        clearStorageSync: () => storage.entries.clear(),
        showToast: asyncApi(
          (o) => void ui.toasts.push({ title: String(o.title ?? ''), icon: o.icon as string }),
        ),
        showModal: asyncApi((o) => {
          ui.modals.push({ kind: 'confirm', title: o.title as string, content: o.content as string })
          return { confirm: true, cancel: false }
        }),
        setNavigationBarTitle: asyncApi(recordTitle),
        login: asyncApi(() => ({ code: 'wx-harness-code', errMsg: 'login:ok' })),
      }
  return api
}
