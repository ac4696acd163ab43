/**
 * ALIPAY_ORDER_SYNC and the outbox timings (server/outbox/settings.ts): on by default against the
 * simulator, off by default with real credentials (the order center must be added to the app
 * first), on/off or 1/0/true/false, anything else refused with the variable named.
 */
import { loadConfig } from '../config'
import { backoffMs } from '../outbox/worker'
import { readOutboxSettings } from '../outbox/settings'

describe('order center settings', () => {
  it('syncs by default against the simulator and not with real credentials', () => {
    expect(loadConfig({}).outbox.orderSync).toBe(true)
    expect(readOutboxSettings({}, true).orderSync).toBe(true)
    expect(readOutboxSettings({}, false).orderSync).toBe(false)
  })

  it('takes on/off (any case) and the usual switch values', () => {
    for (const [raw, expected] of [
      ['off', false],
      ['OFF', false],
      ['0', false],
      ['false', false],
      ['on', true],
      ['1', true],
      ['true', true],
    ] as const) {
      expect(readOutboxSettings({ ALIPAY_ORDER_SYNC: raw }, !expected).orderSync).toBe(expected)
    }
    expect(loadConfig({ ALIPAY_ORDER_SYNC: 'off' }).outbox.orderSync).toBe(false)
  })

  it('refuses other values, naming the variable', () => {
    expect(() => readOutboxSettings({ ALIPAY_ORDER_SYNC: 'maybe' }, true)).toThrow(
      /ALIPAY_ORDER_SYNC must be on or off \(got "maybe"\)/,
    )
    expect(() =>
      readOutboxSettings({ OUTBOX_RETRY_BASE_MS: '5000', OUTBOX_RETRY_MAX_MS: '1000' }, true),
    ).toThrow(/OUTBOX_RETRY_MAX_MS/)
    expect(() => readOutboxSettings({ OUTBOX_POLL_MS: '0' }, true)).toThrow(/OUTBOX_POLL_MS/)
  })

  it('doubles the wait after each failure, up to the cap', () => {
    const { retry } = readOutboxSettings({ OUTBOX_RETRY_BASE_MS: '1000', OUTBOX_RETRY_MAX_MS: '5000' }, true)
    expect([1, 2, 3, 4, 5, 50].map((attempts) => backoffMs(attempts, retry))).toEqual([
      1000, 2000, 4000, 5000, 5000, 5000,
    ])
    expect(readOutboxSettings({}, true)).toMatchObject({
      pollMs: 1000,
      leaseMs: 60_000,
      retry: { baseMs: 1000, maxMs: 300_000, maxAttempts: 30 },
      retentionDays: 7,
    })
  })
})
