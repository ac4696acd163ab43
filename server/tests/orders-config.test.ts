import { loadConfig } from '../config'

describe('order settings from the environment', () => {
  it('defaults to a 15-minute order lifetime and a 30-second sweep', () => {
    expect(loadConfig({})).toMatchObject({ orderTtlMinutes: 15, orderExpirySweepSeconds: 30 })
    expect(loadConfig({ ORDER_TTL_MINUTES: ' ', ORDER_EXPIRY_SWEEP_SECONDS: '' })).toMatchObject({
      orderTtlMinutes: 15,
      orderExpirySweepSeconds: 30,
    })
  })

  it('reads whole numbers in range', () => {
    expect(loadConfig({ ORDER_TTL_MINUTES: '30', ORDER_EXPIRY_SWEEP_SECONDS: '5' })).toMatchObject({
      orderTtlMinutes: 30,
      orderExpirySweepSeconds: 5,
    })
  })

  it.each([
    ['ORDER_TTL_MINUTES', '0'],
    ['ORDER_TTL_MINUTES', '1.5'],
    ['ORDER_TTL_MINUTES', '15m'],
    ['ORDER_TTL_MINUTES', '1441'],
    ['ORDER_EXPIRY_SWEEP_SECONDS', '-1'],
    ['ORDER_EXPIRY_SWEEP_SECONDS', '3601'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^${name} must be a whole number`))
  })
})
