/** The pure parts of payments: notify form parsing, settings (amounts and times: wire-format.test.ts). */
import { readAlipaySettings } from '../alipay/settings'
import { parseNotifyForm, Refusal } from '../payments/notify-fields'
import { simulatedCashierUrl } from '../payments/invocation'
import { SIMULATED_SELLER_ID } from '../alipay-simulator/plugin'
import {
  DEFAULT_ALIPAY_QUERY_INTERVAL_MS,
  DEFAULT_ALIPAY_QUERY_MAX_BACKOFF_MS,
} from '../payments/query-throttle'
import type { PaymentSettings } from '../payments/settings'
import { productionAlipayEnv } from '../alipay-simulator/test-harness'

describe('notify form', () => {
  it('keeps values exactly as sent, one level of strings', () => {
    const fields = parseNotifyForm('a=1&subject=100%25+wool&passback_params=x%3Dy')
    expect(fields).toEqual({ a: '1', subject: '100% wool', passback_params: 'x=y' })
  })

  it('refuses a repeated field', () => {
    expect(parseNotifyForm('a=1&a=2')).toBeInstanceOf(Refusal)
  })
})

describe('payment settings', () => {
  const DEFAULT_QUERY_SETTINGS = {
    intervalMs: DEFAULT_ALIPAY_QUERY_INTERVAL_MS,
    maxBackoffMs: DEFAULT_ALIPAY_QUERY_MAX_BACKOFF_MS,
  }
  // Real credentials outside production: any gateway but the in-process simulator.
  const real = {
    ...productionAlipayEnv(),
    ALIPAY_GATEWAY: 'https://openapi-sandbox.dl.alipaydev.com/gateway.do',
    ALIPAY_SELLER_ID: '',
  }

  it('defaults to the simulator seller and tradeNO with development keys', () => {
    expect(readAlipaySettings({}).payments).toEqual({
      sellerId: SIMULATED_SELLER_ID,
      cashierMode: 'trade_no',
      cashierUrl: undefined,
      simulated: true,
      queries: DEFAULT_QUERY_SETTINGS,
    })
  })

  it('requires ALIPAY_SELLER_ID (and a cashier URL for payment_url) with real credentials', () => {
    expect(() => readAlipaySettings(real)).toThrow(/^ALIPAY_SELLER_ID must be set/)
    const env = { ...real, ALIPAY_SELLER_ID: '2088123412341234', ALIPAY_CASHIER_MODE: 'payment_url' }
    expect(() => readAlipaySettings(env)).toThrow(/^ALIPAY_CASHIER_URL/)
    const withUrl = readAlipaySettings({ ...env, ALIPAY_CASHIER_URL: 'https://wallet.example.com/pay' })
    expect(withUrl.payments).toEqual({
      sellerId: '2088123412341234',
      cashierMode: 'payment_url',
      cashierUrl: 'https://wallet.example.com/pay',
      simulated: false,
      queries: DEFAULT_QUERY_SETTINGS,
    })
  })

  it.each([
    [{ ALIPAY_SELLER_ID: '12345' }, /^ALIPAY_SELLER_ID/],
    [{ ALIPAY_CASHIER_MODE: 'qr' }, /^ALIPAY_CASHIER_MODE/],
    [{ ALIPAY_CASHIER_URL: 'wallet.example.com' }, /^ALIPAY_CASHIER_URL/],
  ])('rejects %j naming the variable', (env, message) => {
    expect(() => readAlipaySettings(env)).toThrow(message)
  })
})

describe('simulated cashier url', () => {
  const where = {
    origin: 'https://shop.example.com',
    inProcessSimulator: true,
    gateway: 'http://127.0.0.1:3000/alipay-sim/gateway.do',
  }
  it('points browsers at the simulator cashier only when Alipay is simulated', () => {
    const simulated = readAlipaySettings({}).payments
    expect(simulatedCashierUrl(simulated, where)).toBe('https://shop.example.com/alipay-sim/cashier')
    expect(
      simulatedCashierUrl(simulated, {
        ...where,
        inProcessSimulator: false,
        gateway: 'http://sim.test/alipay-sim/gateway.do',
      }),
    ).toBe('http://sim.test/alipay-sim/cashier')
    const real: PaymentSettings = {
      sellerId: '2088123412341234',
      cashierMode: 'trade_no',
      simulated: false,
      queries: simulated.queries,
    }
    expect(simulatedCashierUrl(real, where)).toBeUndefined()
  })
})
