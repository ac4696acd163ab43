import { useLocaleStore } from '../i18n'
import { problemText } from '../ui/feedback'
import { RequestError } from './errors'

/** As the client builds it from the server's 429 (issue 14): not retried, worded by its code. */
const refusal = (code: 'rate_limited' | 'unpaid_orders_limit' | 'unpaid_units_limit', status: number) =>
  new RequestError({ kind: 'client', status, code, message: 'Too many requests like this one.' })

afterEach(() => useLocaleStore.getState().setLocale('zh-CN'))

test('a 429 rate_limited reads in the buyer’s language and is not retried as transient', () => {
  const error = refusal('rate_limited', 429)
  expect(error.transient).toBe(false)
  expect(problemText(error)).toBe('操作太频繁了，请稍等一分钟再试。')
  useLocaleStore.getState().setLocale('en')
  expect(problemText(error)).toBe('Too many attempts in a short time. Please wait a minute and try again.')
})

test('the per-buyer caps say to pay or cancel an unpaid order', () => {
  expect(problemText(refusal('unpaid_orders_limit', 409))).toMatch(/请先支付或取消/)
  expect(problemText(refusal('unpaid_units_limit', 409))).toMatch(/请先支付或取消待付款订单/)
  useLocaleStore.getState().setLocale('en')
  expect(problemText(refusal('unpaid_orders_limit', 409))).toMatch(/Pay or cancel one of them/)
  expect(problemText(refusal('unpaid_units_limit', 409))).toMatch(/Pay or cancel an unpaid order/)
})
