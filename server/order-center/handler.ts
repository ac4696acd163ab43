/**
 * The outbox handler for ORDER_SYNC_KIND jobs: sends the job's biz_content with
 * alipay.merchant.order.sync (AlipayDocs/open-docs mini/server-api/服务端 API 概览.md, 小程序订单中心).
 * Alipay refusing it (40004 ORDER_ERROR_STATUS, INVALID_PARAMETER, TINY_APP_ID_NULL…, or a
 * 40001/40002 about the request) is permanent: the job fails with the error and the next orders go
 * on. No trustworthy answer (network, 20000, a 40004 "system error, try again") is transient:
 * retried with backoff.
 */
import { EXT_KEYS, ORDER_SYNC_METHOD, type OrderExtInfo } from '../alipay/order-center-format'
import type { AlipayClient } from '../alipay/client'
import { isRefusal } from '../alipay/errors'
import { PermanentJobError, type OutboxHandler } from '../outbox/worker'

export function orderSyncHandler(client: AlipayClient): OutboxHandler {
  return async (job) => {
    const extInfo = (job.payload.ext_info as OrderExtInfo[] | undefined) ?? []
    const bizContent = {
      ...job.payload,
      // The mini-program the order belongs to (TINY_APP_ID_NULL doc): the app we call as.
      ext_info: [...extInfo, { ext_key: EXT_KEYS.tinyAppId, ext_value: client.appId }],
    }
    try {
      await client.exec(ORDER_SYNC_METHOD, bizContent)
    } catch (error) {
      if (isRefusal(error)) throw new PermanentJobError(error.message, { cause: error })
      throw error
    }
  }
}

/** With ALIPAY_ORDER_SYNC=off: the job ends without a call (the states stay recorded, nothing is sent). */
export const discardOrderSync: OutboxHandler = async () => {}
