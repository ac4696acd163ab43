/**
 * `@tarojs/taro` for jest: the platform APIs the app's logic uses, backed by Node.
 * Requests are real HTTP (fetch) with the WeChat/H5 contract (resolve with statusCode for any
 * HTTP status, reject with errMsg on transport failure); storage keeps Taro's semantics
 * (a missing key reads as ''); the tab bar records its badge so tests can read it.
 */
import { useEffect, useRef } from 'react'
import { act } from 'react-test-renderer'
import { alipayRequestFailure } from './alipay-request-failures'

type Callback = (res: unknown) => void
interface RequestParams {
  url: string
  method?: string
  header?: Record<string, string>
  data?: unknown
  timeout?: number
  success?: Callback
  fail?: Callback
}

/**
 * How the platform reports an HTTP result. WeChat and H5 resolve every HTTP status with
 * `statusCode`; Alipay's my.request (through Taro) rejects non-2xx with `{ error: 19, status, data }`
 * (data often as text), and reports other failures by number: 12 network, 13 timeout, 14 not JSON.
 */
export type RequestFlavour = 'wechat' | 'alipay'
let flavour: RequestFlavour = 'wechat'
export function setRequestFlavour(next: RequestFlavour): void {
  flavour = next
}

function request(params: RequestParams) {
  return flavour === 'alipay' ? alipayRequest(params) : wechatRequest(params)
}

function alipayRequest(params: RequestParams) {
  const inner = wechatRequest({ ...params, success: undefined, fail: undefined })
  const promise = inner.then(
    (result) => {
      const { statusCode, data, header } = result as { statusCode: number; data: unknown; header: unknown }
      if (statusCode >= 200 && statusCode < 300) {
        if (typeof data === 'string') throw alipayRequestFailure.notJson()
        params.success?.(result)
        return result
      }
      const text = typeof data === 'string' ? data : JSON.stringify(data)
      throw alipayRequestFailure.httpStatus(statusCode, text, header)
    },
    (failure: { errMsg: string }) => {
      const timedOut = /abort|timeout/i.test(failure.errMsg)
      throw timedOut ? alipayRequestFailure.timeout() : alipayRequestFailure.network(failure.errMsg)
    },
  ) as Promise<unknown> & { abort: () => void }
  promise.catch((failure) => params.fail?.(failure))
  promise.abort = inner.abort
  return promise
}

function wechatRequest(params: RequestParams) {
  const controller = new AbortController()
  const promise = (async () => {
    try {
      const method = params.method ?? 'GET'
      const hasBody = params.data !== undefined && method !== 'GET'
      const response = await fetch(params.url, {
        method,
        headers: params.header,
        body: hasBody ? JSON.stringify(params.data) : undefined,
        signal: controller.signal,
      })
      const text = await response.text()
      let data: unknown = text
      try {
        data = text ? JSON.parse(text) : ''
      } catch {
        // Not JSON: hand the text over, as the platforms do.
      }
      const header: Record<string, string> = {}
      response.headers.forEach((value, key) => (header[key] = value))
      const result = { statusCode: response.status, data, header }
      params.success?.(result)
      return result
    } catch (error) {
      const failure = { errMsg: `request:fail ${(error as Error).message}` }
      params.fail?.(failure)
      throw failure
    }
  })() as Promise<unknown> & { abort: () => void }
  promise.abort = () => controller.abort()
  return promise
}

/**
 * Device state lives outside the app: kept on globalThis so that a test that reloads the app's
 * modules (jest.isolateModules, i.e. an app restart) finds the same storage and tab bar.
 */
interface DeviceState {
  storage: Map<string, unknown>
  badges: Map<number, string>
  /** How many upcoming storage reads fail, as a device's storage sometimes does. */
  failingReads: number
}
export const device: DeviceState = ((globalThis as { __taroNodeDevice?: DeviceState }).__taroNodeDevice ??= {
  storage: new Map(),
  badges: new Map(),
  failingReads: 0,
})
const storage = device.storage
const getStorageSync = (key: string): unknown => {
  if (device.failingReads > 0) {
    device.failingReads--
    throw new Error('getStorageSync:fail storage unavailable')
  }
  return storage.has(key) ? storage.get(key) : ''
}
const setStorageSync = (key: string, value: unknown) => void storage.set(key, value)
const removeStorageSync = (key: string) => void storage.delete(key)
const clearStorageSync = () => storage.clear()

export const tabBar = { badges: device.badges }
const setTabBarBadge = async ({ index, text }: { index: number; text: string }) =>
  void tabBar.badges.set(index, text)
const removeTabBarBadge = async ({ index }: { index: number }) => void tabBar.badges.delete(index)
const setTabBarItem = async () => undefined
const showToast = async () => undefined

/** Taro.showModal: every dialog shown, answered as `dialogs.confirm` says (OK unless a test says otherwise). */
export const dialogs: {
  confirm: boolean
  shown: { title?: string; content?: string; showCancel?: boolean }[]
} = { confirm: true, shown: [] }
const showModal = async (options: { title?: string; content?: string; showCancel?: boolean }) => {
  dialogs.shown.push(options)
  return { confirm: dialogs.confirm, cancel: !dialogs.confirm }
}

/**
 * my.tradePay as Taro promisifies it: resolves with what `success` receives, rejects with what
 * `fail` receives. Tests script the cashier by setting `cashier.tradePay`.
 */
export const cashier: {
  tradePay: (options: Record<string, unknown>) => Promise<unknown>
  calls: Record<string, unknown>[]
} = {
  tradePay: async () => ({ resultCode: '9000' }),
  calls: [],
}
const tradePay = (options: Record<string, unknown>) => {
  cashier.calls.push(options)
  return cashier.tradePay(options)
}

/**
 * my.getAddress as Taro promisifies it: resolves with what `success` receives (9000 or 6001),
 * rejects with what `fail` receives. Tests script the address sheet by setting `addressBook.answer`.
 */
export const addressBook: { answer: () => Promise<unknown>; calls: number } = {
  answer: async () => ({ resultStatus: 6001, result: '' }),
  calls: 0,
}
const getAddress = () => {
  addressBook.calls += 1
  return addressBook.answer()
}

/**
 * Taro's page-show hooks: a page shows when it mounts, and again whenever a test calls
 * `showPages()` (the buyer came back to it); hiding does nothing here.
 */
const shownPages = new Set<() => void>()
function useDidShow(callback: () => void): void {
  const latest = useRef(callback)
  latest.current = callback
  useEffect(() => {
    const show = () => latest.current()
    shownPages.add(show)
    show()
    return () => void shownPages.delete(show)
  }, [])
}
const useDidHide = (_callback: () => void): void => undefined
export function showPages(): void {
  act(() => shownPages.forEach((show) => show()))
}

const Taro = {
  request,
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  clearStorageSync,
  setTabBarBadge,
  removeTabBarBadge,
  setTabBarItem,
  showToast,
  showModal,
  tradePay,
  getAddress,
  setNavigationBarTitle: async (_options: { title: string }) => ({}),
  navigateTo: async (_options: { url: string }) => ({}),
  getEnv: () => 'NODE',
  ENV_TYPE: { WEAPP: 'WEAPP', ALIPAY: 'ALIPAY', WEB: 'WEB', NODE: 'NODE' },
}

export default Taro
export {
  useDidShow,
  useDidHide,
  request,
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  clearStorageSync,
  setTabBarBadge,
  removeTabBarBadge,
  showToast,
  showModal,
}
