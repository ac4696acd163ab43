/**
 * The simulator's subscription messages as Alipay documents them: the panel's answers and error
 * codes (my.requestSubscribeMessage.md) and the send method's documented refusals (the
 * USER_TEMPLATE_* / USER_KEYWORD_* FAQ pages of AlipayDocs/open-docs).
 */
import { AlipayBusinessError } from '../alipay/client'
import { keywordData, TEMPLATE_MESSAGE_SEND_METHOD } from '../alipay/template-message'
import { simulatedUserId } from '../alipay-simulator/buyers'
import { DEV_SHIPPED_TEMPLATE, type SimulatedTemplate } from '../alipay-simulator/subscriptions'
import { simulatorForSuite } from '../testing/suites'

const LONG_TERM: SimulatedTemplate = {
  id: 'sim-long-term',
  kind: 'long_term',
  keywords: 1,
  title: '会员提醒',
}
const SHIPPED_DATA = ['20240101000000000001', '顺丰速运', 'SF1', '2024-01-01 10:00:00']

describe('simulator: subscription messages', () => {
  const simulator = simulatorForSuite({ messageTemplates: [DEV_SHIPPED_TEMPLATE, LONG_TERM] })
  const send = (buyer: string, templateId: string, values: string[]) =>
    simulator.client().exec(TEMPLATE_MESSAGE_SEND_METHOD, {
      to_user_id: simulatedUserId(buyer),
      user_template_id: templateId,
      page: 'pages/index/index',
      data: JSON.stringify(keywordData(values)),
    })
  const subCodeOf = (promise: Promise<unknown>) =>
    promise.then(
      () => 'sent',
      (error: unknown) =>
        error instanceof AlipayBusinessError ? `${error.code} ${error.subCode}` : String(error),
    )

  it('answers the panel in my.requestSubscribeMessage’s shape', async () => {
    expect(await simulator.subscribe('panel-1', [DEV_SHIPPED_TEMPLATE.id])).toEqual({
      behavior: 'subscribe',
      keep: false,
      refuse: false,
      show: true,
      result: {
        subscribeEntityIds: [DEV_SHIPPED_TEMPLATE.id],
        subscribedEntityIds: [DEV_SHIPPED_TEMPLATE.id],
        unsubscribedEntityIds: [],
        currentSubscribedEntityIds: [DEV_SHIPPED_TEMPLATE.id],
      },
      [DEV_SHIPPED_TEMPLATE.id]: 'accept',
    })
  })

  it('fails the panel with the documented codes: >3 ids 203, unknown id 106008, mixed kinds 106002', async () => {
    const ids = ['a', 'b', 'c', 'd']
    expect(await simulator.subscribe('panel-2', ids)).toMatchObject({ behavior: '', errorCode: 203 })
    expect(await simulator.subscribe('panel-2', ['nope'])).toMatchObject({ errorCode: 106008 })
    expect(await simulator.subscribe('panel-2', [DEV_SHIPPED_TEMPLATE.id, LONG_TERM.id])).toMatchObject({
      errorCode: 106002,
    })
    expect(simulator.subscriptions().filter((s) => s.buyer.key === 'panel-2')).toEqual([])
  })

  it('adds up one-time acceptances: two acceptances allow two messages, not three', async () => {
    await simulator.subscribe('adds-up', [DEV_SHIPPED_TEMPLATE.id])
    await simulator.subscribe('adds-up', [DEV_SHIPPED_TEMPLATE.id])
    expect(await subCodeOf(send('adds-up', DEV_SHIPPED_TEMPLATE.id, SHIPPED_DATA))).toBe('sent')
    expect(await subCodeOf(send('adds-up', DEV_SHIPPED_TEMPLATE.id, SHIPPED_DATA))).toBe('sent')
    expect(await subCodeOf(send('adds-up', DEV_SHIPPED_TEMPLATE.id, SHIPPED_DATA))).toBe(
      '40004 USER_NOT_SUBSCRIBED',
    )
  })

  it('keeps a long-term subscription after a send', async () => {
    await simulator.subscribe('long', [LONG_TERM.id])
    expect(await subCodeOf(send('long', LONG_TERM.id, ['a']))).toBe('sent')
    expect(await subCodeOf(send('long', LONG_TERM.id, ['b']))).toBe('sent')
  })

  it('refuses an unknown template, missing keywords and a value over 50 characters, delivering nothing', async () => {
    await simulator.subscribe('setup', [DEV_SHIPPED_TEMPLATE.id])
    expect(await subCodeOf(send('setup', 'unknown-template', SHIPPED_DATA))).toBe(
      '40004 USER_TEMPLATE_ILLEGAL',
    )
    expect(await subCodeOf(send('setup', DEV_SHIPPED_TEMPLATE.id, SHIPPED_DATA.slice(0, 3)))).toBe(
      '40004 USER_TEMPLATE_LACK_KEYWORD',
    )
    expect(
      await subCodeOf(send('setup', DEV_SHIPPED_TEMPLATE.id, [...SHIPPED_DATA.slice(0, 3), 'x'.repeat(51)])),
    ).toBe('40004 USER_KEYWORD_LENGTH_ERROR')
    expect(simulator.messages().filter((m) => m.buyer.key === 'setup')).toEqual([])
    // The subscription is still unused.
    expect(await subCodeOf(send('setup', DEV_SHIPPED_TEMPLATE.id, SHIPPED_DATA))).toBe('sent')
  })
})
