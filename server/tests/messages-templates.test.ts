/**
 * Which subscription-message templates the app may offer: ALIPAY_TEMPLATE_SHIPPED, defaulting to
 * the simulator's own template only when the simulator stands in for Alipay, and the public route
 * that hands it to the app.
 */
import type { MessageTemplates } from '../../contract'
import { DEV_SHIPPED_TEMPLATE } from '../alipay-simulator/subscriptions'
import { loadConfig } from '../config'
import { readMessageSettings } from '../messages/settings'
import { buildTestApp } from '../testing/app'
import { productionAlipayEnv } from '../alipay-simulator/test-harness'
import { createPgliteTestDatabase, type TestDatabase } from '../testing/databases'

describe('ALIPAY_TEMPLATE_SHIPPED', () => {
  it('defaults to the simulator’s template with the simulator, and to none with real credentials', () => {
    expect(loadConfig({}).messages.templates.shipped).toBe(DEV_SHIPPED_TEMPLATE.id)
    const realApp = {
      ...productionAlipayEnv(),
      ALIPAY_GATEWAY: 'https://openapi-sandbox.dl.alipaydev.com/gateway.do',
    }
    expect(loadConfig(realApp).messages.templates.shipped).toBeUndefined()
  })

  it('takes the console’s id, or off', () => {
    const id = 'ac768fca1ce245ccae9404bb5243c49b'
    expect(readMessageSettings({ ALIPAY_TEMPLATE_SHIPPED: id }, { simulated: false }).templates.shipped).toBe(
      id,
    )
    expect(readMessageSettings({ ALIPAY_TEMPLATE_SHIPPED: id }, { simulated: true }).templates.shipped).toBe(
      id,
    )
    expect(
      readMessageSettings({ ALIPAY_TEMPLATE_SHIPPED: 'off' }, { simulated: true }).templates.shipped,
    ).toBeUndefined()
  })

  it('refuses to start with something that cannot be a template id, naming the variable', () => {
    expect(() =>
      readMessageSettings({ ALIPAY_TEMPLATE_SHIPPED: 'my template' }, { simulated: false }),
    ).toThrow(/ALIPAY_TEMPLATE_SHIPPED/)
  })
})

describe('GET /api/messages/templates', () => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await createPgliteTestDatabase()
  })
  afterAll(() => database.dispose())

  const templatesOf = async (messages: Parameters<typeof buildTestApp>[1]) => {
    const app = await buildTestApp(database.db, messages)
    try {
      const res = await app.inject({ method: 'GET', url: '/api/messages/templates' })
      expect(res.statusCode).toBe(200)
      return res.json<MessageTemplates>()
    } finally {
      await app.close()
    }
  }

  it('answers the configured id, or null when none is configured', async () => {
    expect(await templatesOf({ messages: { templates: { shipped: 'tpl-1' } } })).toEqual({ shipped: 'tpl-1' })
    expect(await templatesOf({ messages: { templates: {} } })).toEqual({ shipped: null })
  })
})
