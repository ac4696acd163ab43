import { loadConfig } from '../config'

describe('fulfilment settings from the environment', () => {
  it('defaults to receipt 10 days after shipping and a 7-day after-sales window', () => {
    expect(loadConfig({})).toMatchObject({ autoReceiveDays: 10, afterSalesDays: 7 })
    expect(loadConfig({ AUTO_RECEIVE_DAYS: ' ', AFTER_SALES_DAYS: '' })).toMatchObject({
      autoReceiveDays: 10,
      afterSalesDays: 7,
    })
  })

  it('reads whole numbers of days in range; an after-sales window may be 0', () => {
    expect(loadConfig({ AUTO_RECEIVE_DAYS: '15', AFTER_SALES_DAYS: '0' })).toMatchObject({
      autoReceiveDays: 15,
      afterSalesDays: 0,
    })
    expect(loadConfig({ AUTO_RECEIVE_DAYS: '90', AFTER_SALES_DAYS: '90' })).toMatchObject({
      autoReceiveDays: 90,
      afterSalesDays: 90,
    })
  })

  it.each([
    ['AUTO_RECEIVE_DAYS', '0', 'from 1 to 90', 10],
    ['AUTO_RECEIVE_DAYS', '91', 'from 1 to 90', 10],
    ['AUTO_RECEIVE_DAYS', '1.5', 'from 1 to 90', 10],
    ['AUTO_RECEIVE_DAYS', '10d', 'from 1 to 90', 10],
    ['AFTER_SALES_DAYS', '-1', 'from 0 to 90', 7],
    ['AFTER_SALES_DAYS', '91', 'from 0 to 90', 7],
    ['AFTER_SALES_DAYS', 'seven', 'from 0 to 90', 7],
  ])('refuses %s=%s, naming the variable, the range and the default', (name, value, range, fallback) => {
    expect(() => loadConfig({ [name]: value })).toThrow(
      `${name} must be a whole number ${range} (got "${value}"). Default: ${name}=${fallback}.`,
    )
  })
})
