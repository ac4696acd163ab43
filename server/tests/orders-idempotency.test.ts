import type { Address, ApiErrorBody, Order } from '../../contract'
import { SAMPLE_ADDRESS } from '../../tests/support/sample-address'
import { startExpirySweeper } from '../orders/expiry'
import { IDEMPOTENCY_KEY_RETENTION_HOURS } from '../orders/idempotency'
import { createTestBuyer } from '../testing/buyers'
import { describeEachDatabase } from '../testing/databases'
import { until } from '../testing/until'
import { countOrders, newKey, postOrder, setStock, stockOf } from './orders-helpers'
import { appForSuite } from '../testing/suites'

describeEachDatabase('idempotent order creation', (getDb) => {
  const suite = appForSuite(getDb)

  it('answers a retry with the same order (200, Idempotent-Replayed) and takes stock once', async () => {
    await setStock(getDb(), 'notebook-dot-black', 10)
    const key = newKey()
    const lines = [{ skuId: 'notebook-dot-black', quantity: 2 }]
    const first = await postOrder(suite.app, suite.buyer, lines, { key })
    expect(first.statusCode).toBe(201)
    expect(first.headers['idempotent-replayed']).toBeUndefined()
    // Same order in another shape: split lines, reordered address keys.
    const again = await postOrder(
      suite.app,
      suite.buyer,
      [
        { skuId: 'notebook-dot-black', quantity: 1 },
        { skuId: 'notebook-dot-black', quantity: 1 },
      ],
      {
        key,
        address: Object.fromEntries(Object.entries(SAMPLE_ADDRESS).reverse()) as Address,
      },
    )
    expect(again.statusCode).toBe(200)
    expect(again.headers['idempotent-replayed']).toBe('true')
    expect(again.json<Order>()).toEqual(first.json<Order>())
    expect(await stockOf(getDb(), 'notebook-dot-black')).toBe(8)
  })

  it('creates ONE order for 5 identical concurrent requests', async () => {
    await setStock(getDb(), 'notebook-dot-coral', 10)
    const key = newKey()
    const before = await countOrders(getDb(), suite.buyer.buyer.id)
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        postOrder(suite.app, suite.buyer, [{ skuId: 'notebook-dot-coral', quantity: 3 }], { key }),
      ),
    )
    expect(responses.map((res) => res.statusCode).sort()).toEqual([200, 200, 200, 200, 201])
    expect(new Set(responses.map((res) => res.json<Order>().id)).size).toBe(1)
    expect(await countOrders(getDb(), suite.buyer.buyer.id)).toBe(before + 1)
    expect(await stockOf(getDb(), 'notebook-dot-coral')).toBe(7)
  })

  it('refuses the same key with a different body (409), leaving the first order alone', async () => {
    await setStock(getDb(), 'notebook-dot-sage', 10)
    const key = newKey()
    const first = await postOrder(suite.app, suite.buyer, [{ skuId: 'notebook-dot-sage', quantity: 1 }], {
      key,
    })
    expect(first.statusCode).toBe(201)
    const other = await postOrder(suite.app, suite.buyer, [{ skuId: 'notebook-dot-sage', quantity: 2 }], {
      key,
    })
    expect(other.statusCode).toBe(409)
    expect(other.json<ApiErrorBody>().code).toBe('idempotency_key_reused')
    const otherAddress = await postOrder(
      suite.app,
      suite.buyer,
      [{ skuId: 'notebook-dot-sage', quantity: 1 }],
      {
        key,
        address: { ...SAMPLE_ADDRESS, name: '李四' },
      },
    )
    expect(otherAddress.statusCode).toBe(409)
    expect(await stockOf(getDb(), 'notebook-dot-sage')).toBe(9)
  })

  it('keeps keys per buyer: another buyer with the same key gets their own order', async () => {
    const other = await createTestBuyer(getDb())
    const key = newKey()
    const mine = await postOrder(suite.app, suite.buyer, [{ skuId: 'envelope-kraft-std', quantity: 1 }], {
      key,
    })
    const theirs = await postOrder(suite.app, other, [{ skuId: 'envelope-kraft-std', quantity: 1 }], { key })
    expect([mine.statusCode, theirs.statusCode]).toEqual([201, 201])
    expect(mine.json<Order>().id).not.toBe(theirs.json<Order>().id)
  })
  it(`honours a key for ${IDEMPOTENCY_KEY_RETENTION_HOURS} hours; the sweeper deletes older ones`, async () => {
    await setStock(getDb(), 'notebook-dot-black', 10)
    const lines = [{ skuId: 'notebook-dot-black', quantity: 1 }]
    const recentKey = newKey()
    const oldKey = newKey()
    const recent = await postOrder(suite.app, suite.buyer, lines, { key: recentKey })
    expect((await postOrder(suite.app, suite.buyer, lines, { key: oldKey })).statusCode).toBe(201)
    const age = (key: string, hours: number) =>
      getDb().query(
        `update idempotency_keys set created_at = now() - make_interval(hours => $3) where user_id = $1 and key = $2`,
        [suite.buyer.buyer.id, key, hours],
      )
    await age(recentKey, IDEMPOTENCY_KEY_RETENTION_HOURS - 1)
    await age(oldKey, IDEMPOTENCY_KEY_RETENTION_HOURS + 1)

    const logger = { info: jest.fn(), error: jest.fn() }
    const stop = startExpirySweeper(getDb(), { intervalMs: 10, logger })
    try {
      await until(
        'the old key to be deleted',
        async () =>
          logger.info.mock.calls.find(([, message]) => message === 'deleted idempotency keys past retention'),
        5000,
        10,
      )
    } finally {
      await stop()
    }
    const keys = await getDb().query<{ key: string }>(
      'select key from idempotency_keys where user_id = $1 and key = any($2)',
      [suite.buyer.buyer.id, [recentKey, oldKey]],
    )
    expect(keys.map((row) => row.key)).toEqual([recentKey])
    // Within retention a retry still replays the order it made.
    const replay = await postOrder(suite.app, suite.buyer, lines, { key: recentKey })
    expect([replay.statusCode, replay.json<Order>().id]).toEqual([200, recent.json<Order>().id])
    expect(logger.error).not.toHaveBeenCalled()
  })
})
