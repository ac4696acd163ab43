import { addAfterSalesTexts } from '../i18n/after-sales-texts'
import { useLocaleStore } from '../i18n'
import { RequestError } from '../request'
import { problemText } from './feedback'

const refusal = (code: 'after_sales_line_open' | 'idempotency_key_reused', status = 409) =>
  new RequestError({
    kind: 'client',
    status,
    code,
    message: 'Line 1 already has an open after-sales request.',
  })

afterEach(() => useLocaleStore.getState().setLocale('zh-CN'))

test('a refusal reads in the buyer’s language once the screen’s texts name its code, else as the server said it', () => {
  expect(problemText(refusal('after_sales_line_open'))).toBe(
    'Line 1 already has an open after-sales request.',
  )
  addAfterSalesTexts()
  expect(problemText(refusal('after_sales_line_open'))).toBe(
    '这件商品已有一个处理中的售后申请，请等它结束后再申请。',
  )
  useLocaleStore.getState().setLocale('en')
  expect(problemText(refusal('after_sales_line_open'))).toMatch(
    /^This item already has an after-sales request/,
  )
  // A code no screen words keeps the server's explanation.
  expect(problemText(refusal('idempotency_key_reused'))).toBe(
    'Line 1 already has an open after-sales request.',
  )
})

test('a 404 or a failure that is not a refusal gets the app’s sentence for its kind', () => {
  addAfterSalesTexts()
  expect(problemText(refusal('after_sales_line_open', 404))).not.toMatch(/售后申请|after-sales request/)
  expect(problemText(new RequestError({ kind: 'timeout', message: 'timed out' }))).not.toBe('timed out')
})
