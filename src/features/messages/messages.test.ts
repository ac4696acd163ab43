/** Reading my.requestSubscribeMessage's answers (AlipayDocs/open-docs my.requestSubscribeMessage.md). */
import { currentSubscribeAdapter } from './adapters'
import { subscribeOutcome } from './adapters/alipay'

const ID = 'ac768fca1ce245ccae9404bb5243c49b'

describe('subscribeOutcome', () => {
  it('reads subscribed from result.subscribedEntityIds', () => {
    const ticked = { behavior: 'subscribe', result: { subscribedEntityIds: [ID] }, [ID]: 'accept' }
    expect(subscribeOutcome(ID, ticked, true)).toBe('subscribed')
  })

  it('takes a successful answer without the template as declined (a rejection succeeds too)', () => {
    const unticked = { behavior: 'subscribe', result: { subscribedEntityIds: [] }, [ID]: 'reject' }
    expect(subscribeOutcome(ID, unticked, true)).toBe('declined')
  })

  it('falls back to the per-id key when result is missing', () => {
    expect(subscribeOutcome(ID, { behavior: 'subscribe', [ID]: 'accept' }, true)).toBe('subscribed')
    expect(subscribeOutcome(ID, { behavior: 'subscribe', [ID]: 'reject' }, true)).toBe('declined')
  })

  it('takes a closed panel as declined and any other failure as failed', () => {
    expect(subscribeOutcome(ID, { behavior: 'cancel', errorCode: 11 }, false)).toBe('declined')
    expect(subscribeOutcome(ID, { behavior: '', errorCode: 106008 }, false)).toBe('failed')
    expect(subscribeOutcome(ID, { behavior: '', errorCode: 10 }, false)).toBe('failed')
  })
})

it('offers nothing outside the Alipay build', () => {
  expect(process.env.TARO_ENV).not.toBe('alipay')
  expect(currentSubscribeAdapter().available).toBe(false)
})
