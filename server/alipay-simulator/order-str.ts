/**
 * The `orderStr` of `my.tradePay({ orderStr })` for a pre-authorization, as the shop server builds
 * it with `sdkExecute('alipay.fund.auth.order.app.freeze', …)`: URL-encoded request parameters
 * signed by the app (every parameter except `sign`, sorted, `k=v&…`, RSA2), checked here with the
 * app's public key like the wallet does before showing the freeze.
 */
import { certificateSnError } from './cert-check'
import type { SimulatedApp } from './methods/types'
import { validUrl } from './methods/trade-create'
import { yuanToPayableFen, MERCHANT_NUMBER } from '../alipay/wire-format'
import { verifyRequestSignature } from './signing'

export const FREEZE_METHOD = 'alipay.fund.auth.order.app.freeze'

export interface FreezeOrder {
  app: SimulatedApp
  outOrderNo: string
  outRequestNo: string
  orderTitle: string
  amountFen: number
  notifyUrl?: string
}

/** The verified order, or why the wallet refuses it (the cashier answers 4000). */
export function readOrderStr(
  orderStr: string,
  apps: Map<string, SimulatedApp>,
): FreezeOrder | { error: string } {
  const params: Record<string, string> = {}
  try {
    for (const [key, value] of new URLSearchParams(orderStr)) if (!(key in params)) params[key] = value
  } catch {
    return { error: 'orderStr 不是 URL 编码的参数串' }
  }
  if (params.method !== FREEZE_METHOD) return { error: `orderStr 的 method 必须是 ${FREEZE_METHOD}` }
  const app = apps.get(params.app_id ?? '')
  if (!app) return { error: `orderStr 的 app_id "${params.app_id ?? ''}" 不是模拟器登记的应用` }
  if (params.sign_type !== 'RSA2') return { error: 'orderStr 的 sign_type 必须是 RSA2' }
  const wrongCertificate = app.certificates && certificateSnError(params, app.certificates)
  if (wrongCertificate) return { error: `orderStr: ${wrongCertificate.sub_code} ${wrongCertificate.sub_msg}` }
  if (!verifyRequestSignature(params, app.appPublicKey))
    return { error: 'orderStr 验签失败（签名与应用公钥不匹配或参数被改动）' }

  let biz: Record<string, unknown>
  try {
    const parsed: unknown = JSON.parse(params.biz_content ?? '')
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object')
    biz = parsed as Record<string, unknown>
  } catch {
    return { error: 'orderStr 的 biz_content 不是 JSON 对象' }
  }
  const { out_order_no: outOrderNo, out_request_no: outRequestNo, order_title: orderTitle } = biz
  if (typeof outOrderNo !== 'string' || !MERCHANT_NUMBER.test(outOrderNo))
    return { error: 'out_order_no 无效' }
  if (typeof outRequestNo !== 'string' || !MERCHANT_NUMBER.test(outRequestNo))
    return { error: 'out_request_no 无效' }
  if (typeof orderTitle !== 'string' || orderTitle.trim() === '') return { error: 'order_title 不能为空' }
  if (biz.product_code !== 'PRE_AUTH_ONLINE') return { error: 'product_code 必须是 PRE_AUTH_ONLINE' }
  const amountFen = yuanToPayableFen(biz.amount)
  if (amountFen === undefined) return { error: 'amount 必须是 0.01 到 100000000.00 之间的金额字符串' }
  const notifyUrl = params.notify_url || undefined
  if (notifyUrl !== undefined && !validUrl(notifyUrl)) return { error: 'notify_url 必须是 http(s) 地址' }
  return { app, outOrderNo, outRequestNo, orderTitle, amountFen, notifyUrl }
}
