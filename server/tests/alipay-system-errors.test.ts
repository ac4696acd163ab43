/**
 * "系统错误, 请重试" (ACQ.SYSTEM_ERROR, SYSTEM_ERROR) is an answer in doubt, not a refusal: the
 * outbox retries such a job, while a real refusal fails it for good, and the shipped message
 * counts only a real refusal as "not subscribed".
 */
import { AlipayBusinessError, type AlipayClient } from '../alipay/client'
import { isRefusal, SYSTEM_ERROR_SUB_CODES } from '../alipay/errors'
import { sendShippedMessage } from '../messages/shipped'
import { orderSyncHandler } from '../order-center/handler'
import type { OutboxJob } from '../outbox/queue'
import { PermanentJobError } from '../outbox/worker'

const businessError = (subCode: string) =>
  new AlipayBusinessError('alipay.merchant.order.sync', '40004', 'Business Failed', subCode, '')

/** A client whose every call gets the given answer (only the error classification is under test). */
const answering = (error: Error): AlipayClient => ({
  appId: '2021000000000042',
  gateway: 'http://127.0.0.1/gateway.do',
  exec: () => Promise.reject(error),
  verifyNotify: () => false,
  sdkExecute: () => '',
})

const job: OutboxJob = {
  id: '1',
  kind: 'alipay.order.sync',
  aggregateId: '20260101000000000001',
  payload: {},
  attempts: 1,
  createdAt: new Date(),
}

describe('Alipay system errors are retried, refusals are not', () => {
  it.each([...SYSTEM_ERROR_SUB_CODES])('%s is not a refusal', (subCode) => {
    expect(isRefusal(businessError(subCode))).toBe(false)
  })

  it('a sub code such as ORDER_ERROR_STATUS is a refusal', () => {
    expect(isRefusal(businessError('ORDER_ERROR_STATUS'))).toBe(true)
    expect(isRefusal(new Error('network'))).toBe(false)
  })

  it('the order-center job is retried on a system error and failed for good on a refusal', async () => {
    const retried = orderSyncHandler(answering(businessError('SYSTEM_ERROR')))(job)
    await expect(retried).rejects.toBeInstanceOf(AlipayBusinessError)
    await expect(retried).rejects.not.toBeInstanceOf(PermanentJobError)
    const failed = orderSyncHandler(answering(businessError('ORDER_ERROR_STATUS')))(job)
    await expect(failed).rejects.toBeInstanceOf(PermanentJobError)
  })

  it('a system error is not read as "not subscribed": the shipped message is retried', async () => {
    const settings = { templates: { shipped: 'sim-template-shipped' } }
    const message = {
      buyer: { kind: 'user_id' as const, id: '2088000000000001' },
      orderId: job.aggregateId,
      carrier: '顺丰速运',
      trackingNo: 'SF1234567890',
      shippedAt: new Date(),
    }
    await expect(
      sendShippedMessage(answering(businessError('ACQ.SYSTEM_ERROR')), settings, message),
    ).rejects.toBeInstanceOf(AlipayBusinessError)
    await expect(
      sendShippedMessage(answering(businessError('USER_NOT_SUBSCRIBED')), settings, message),
    ).resolves.toBe('not_subscribed')
  })
})
