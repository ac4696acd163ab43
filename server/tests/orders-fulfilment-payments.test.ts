import type { AlipayClient } from '../alipay/client'
import { readAlipaySettings } from '../alipay/settings'
import type { PaymentDeps } from '../payments/deps'
import { settlePaidTrade } from '../payments/settle'
import { completeSettledOrders } from '../orders/fulfilment'
import { createTestBuyer } from '../testing/buyers'
import { describeEachDatabase } from '../testing/databases'
import { prepareDatabase } from '../testing/suites'
import { FULFILMENT_SKU, fulfilmentOf, receivedOrder, shippedOrder } from './orders-fulfilment-helpers'
import { setStock } from './orders-helpers'

describeEachDatabase('a payment notify arriving again after shipping', (getDb) => {
  let userId: string
  /** Any call to Alipay (a refund) fails the test: the order was paid, its money is kept. */
  const alipay = new Proxy({} as AlipayClient, {
    get: (_target, name) => {
      throw new Error(`Alipay was called (${String(name)}) for an order already paid`)
    },
  })
  const deps = (): PaymentDeps => ({
    db: getDb(),
    alipay,
    settings: readAlipaySettings({}).payments,
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
  })

  beforeAll(async () => {
    await prepareDatabase(getDb())
    await setStock(getDb(), FULFILMENT_SKU, 1000)
    userId = (await createTestBuyer(getDb())).buyer.id
  })

  it('is taken as already paid for shipped, received and completed orders: never refunded', async () => {
    const completed = await receivedOrder(getDb(), userId, 30)
    await getDb().transaction((tx) => completeSettledOrders(tx, [completed], 7))
    const orders = [await shippedOrder(getDb(), userId), await receivedOrder(getDb(), userId), completed]
    for (const orderId of orders) {
      const [{ total_fen }] = await getDb().query<{ total_fen: number }>(
        'select total_fen from orders where id = $1',
        [orderId],
      )
      const before = await fulfilmentOf(getDb(), orderId)
      const outcome = await settlePaidTrade(deps(), {
        orderId,
        tradeNo: `2026${orderId}`,
        amountFen: total_fen,
        status: 'TRADE_SUCCESS',
        paidAt: new Date(),
      })
      expect(outcome).toBe('already_paid')
      expect(await fulfilmentOf(getDb(), orderId)).toEqual(before)
    }
  })
})
