import { describe, expect, it } from '@jest/globals'
import { en } from '../i18n/en'
import { translate } from '../i18n/translate'
import { zhCN, type MessageKey, type Messages } from '../i18n/zh-CN'
import { ApiError } from './api'
import { CONSOLE_ERROR_CODES, errorText, isConflict } from './errors'

/** A t() over one language's words, as the LocaleProvider builds it. */
const translatorOf = (messages: Messages) => (key: MessageKey, values?: Record<string, string | number>) =>
  translate(messages, key, values)

describe('errorText', () => {
  it('words every code the console can get, in both languages', () => {
    for (const code of CONSOLE_ERROR_CODES) {
      expect(`error.${code}` in zhCN).toBe(true)
      expect(`error.${code}` in en).toBe(true)
    }
  })

  it('shows our words for a known code, with the numbers the rule names', () => {
    const t = translatorOf(zhCN)
    expect(errorText(t, new ApiError(409, 'staff_last_owner', 'The last owner cannot be disabled'))).toBe(
      zhCN['error.staff_last_owner'],
    )
    expect(errorText(t, new ApiError(409, 'stock_limit', 'Stock above 10000000'))).toBe(
      '调整后库存会超过上限 10,000,000。',
    )
    expect(errorText(t, new ApiError(0, 'network_error', 'Failed to fetch'))).toBe(
      zhCN['error.network_error'],
    )
    expect(errorText(t, new ApiError(502, 'http_error', 'HTTP 502'))).toContain('HTTP 502')
  })

  it('shows a generic line in the console language with the server message for an unknown code', () => {
    const error = new ApiError(409, 'loyalty_points_frozen', 'Points are frozen')
    expect(errorText(translatorOf(zhCN), error)).toBe('操作失败：Points are frozen')
    expect(errorText(translatorOf(en), error)).toBe('Something went wrong: Points are frozen')
    expect(errorText(translatorOf(en), new TypeError('x is undefined'))).toBe(
      'Something went wrong: x is undefined',
    )
  })
})

describe('isConflict', () => {
  it('names a refusal because the state moved on (409), not other failures', () => {
    expect(isConflict(new ApiError(409, 'order_not_shippable', 'Order is not shippable'))).toBe(true)
    expect(isConflict(new ApiError(400, 'bad_request', 'Bad request'))).toBe(false)
    expect(isConflict(new ApiError(0, 'network_error', 'Failed to fetch'))).toBe(false)
    expect(isConflict(new Error('409'))).toBe(false)
  })
})
