/**
 * The pre-authorization demo (a deposit frozen through an orderStr the server signs) and the
 * web-view checkout (a session-less page that pays with a single-use ticket bound to one buyer
 * and one order).
 */
import { createHash } from 'node:crypto'
import type { ApiErrorBody, Deposit, DepositPayment, WebViewCheckout } from '../../contract'
import { signNotify } from '../alipay-simulator/signing'
import { TEST_APP_ID } from '../alipay-simulator/test-harness'
import { fenToYuan } from '../alipay/wire-format'
import { describeEachDatabase } from '../testing/databases'
import { expireOrder, statusOf as orderStatus } from './orders-helpers'
import { asBuyer, payingBuyer, payWithNotifyLost, shopForSuite } from './payments-helpers'
import { simulatorForSuite } from '../testing/suites'

const sim = simulatorForSuite()

describeEachDatabase('deposits (pre-authorization)', (getDb) => {
  const shop = shopForSuite(getDb, () => sim)

  async function newDeposit(itemId = 'power-bank') {
    const who = await payingBuyer(getDb())
    const buyer = asBuyer(shop, who)
    const res = await buyer.post('/api/deposits', { itemId })
    expect(res.statusCode).toBe(201)
    const created = res.json<DepositPayment>()
    if (created.invocation.kind !== 'orderStr') throw new Error(`got ${created.invocation.kind}`)
    return { who, buyer, deposit: created.deposit, orderStr: created.invocation.orderStr }
  }

  it('answers a signed freeze orderStr for the item’s fixed deposit', async () => {
    const { deposit, orderStr } = await newDeposit('power-bank')
    expect(deposit).toEqual({
      id: expect.stringMatching(/^D\d+$/),
      title: expect.any(String),
      amount: 9900,
      status: 'awaiting_freeze',
      createdAt: expect.any(String),
    })
    const params = new URLSearchParams(orderStr)
    expect(params.get('method')).toBe('alipay.fund.auth.order.app.freeze')
    expect(params.get('app_id')).toBe(TEST_APP_ID)
    expect(params.get('notify_url')).toBe(`${shop.origin}/api/alipay/notify`)
    expect(params.get('sign')).toBeTruthy()
    expect(JSON.parse(params.get('biz_content') ?? '')).toEqual({
      out_order_no: deposit.id,
      out_request_no: deposit.id,
      order_title: expect.any(String),
      amount: '99.00',
      product_code: 'PRE_AUTH_ONLINE',
    })
  })

  it('is frozen once Alipay’s verified fund_auth_freeze notify arrives', async () => {
    const { buyer, deposit, orderStr } = await newDeposit('umbrella')
    expect((await sim.cashier({ orderStr, outcome: 'pay' })).resultCode).toBe('9000')
    await sim.notifier.idle()
    const res = await buyer.get(`/api/deposits/${deposit.id}`)
    expect(res.statusCode).toBe(200)
    expect(res.json<Deposit>()).toMatchObject({
      id: deposit.id,
      amount: 3000,
      status: 'frozen',
      frozenAt: expect.any(String),
    })
    const [row] = await getDb().query<{ auth_no: string }>('select auth_no from deposits where id = $1', [
      deposit.id,
    ])
    expect(row.auth_no).toMatch(/^\d+$/)
  })

  it('recovers a lost freeze notify through the detail query on read', async () => {
    const { buyer, deposit, orderStr } = await newDeposit('camping-tent')
    await payWithNotifyLost(sim, { orderStr })
    const [before] = await getDb().query<{ status: string }>('select status from deposits where id = $1', [
      deposit.id,
    ])
    expect(before.status).toBe('awaiting_freeze')
    expect((await buyer.get(`/api/deposits/${deposit.id}`)).json<Deposit>().status).toBe('frozen')
  })

  it('refuses a tampered orderStr at the cashier, and stays awaiting', async () => {
    const { buyer, deposit, orderStr } = await newDeposit('power-bank')
    const params = new URLSearchParams(orderStr)
    params.set('biz_content', (params.get('biz_content') ?? '').replace('"99.00"', '"0.01"'))
    expect((await sim.cashier({ orderStr: params.toString(), outcome: 'pay' })).resultCode).toBe('4000')
    expect((await buyer.get(`/api/deposits/${deposit.id}`)).json<Deposit>().status).toBe('awaiting_freeze')
  })

  it('checks freeze notifies like trade notifies: amount and request refused, replays harmless', async () => {
    const { deposit } = await newDeposit('power-bank')
    const fields = {
      notify_time: '2024-06-11 10:00:05',
      notify_type: 'fund_auth_freeze',
      notify_id: `f${Date.now()}${process.pid}`,
      app_id: TEST_APP_ID,
      charset: 'utf-8',
      version: '1.0',
      sign_type: 'RSA2',
      auth_no: '2024061110002001000000000001',
      out_order_no: deposit.id,
      operation_id: '2024061120002001000000000001',
      out_request_no: deposit.id,
      operation_type: 'FREEZE',
      amount: '99.00',
      total_freeze_amount: '99.00',
      status: 'SUCCESS',
      payer_user_id: '2088000000000002',
      gmt_trans: '2024-06-11 10:00:04',
    }
    const post = (f: Record<string, string>) =>
      shop.app.inject({
        method: 'POST',
        url: '/api/alipay/notify',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(signNotify(f, sim.simulatorKeys.privateKey)).toString(),
      })
    const statusOf = async () =>
      (await getDb().query<{ status: string }>('select status from deposits where id = $1', [deposit.id]))[0]
        .status

    for (const wrong of [
      { amount: '0.01' },
      { out_request_no: 'D20240101000000000000' },
      { out_order_no: 'D20240101000000000000' },
      { app_id: '2021000000000099' },
    ]) {
      const res = await post({ ...fields, ...wrong })
      expect([res.statusCode, res.body]).toEqual([400, 'fail'])
      expect(await statusOf()).toBe('awaiting_freeze')
    }
    expect((await post(fields)).body).toBe('success')
    expect(await statusOf()).toBe('frozen')
    const [first] = await getDb().query('select frozen_at, auth_no from deposits where id = $1', [deposit.id])
    const replay = await post({ ...fields, auth_no: '2024061110002001999999999999' })
    expect(replay.body).toBe('success') // same notify_id: nothing changes
    expect(
      (await getDb().query('select frozen_at, auth_no from deposits where id = $1', [deposit.id]))[0],
    ).toEqual(first)
  })

  it('refuses unknown items, and hides other buyers’ deposits', async () => {
    const { deposit } = await newDeposit()
    const stranger = asBuyer(shop, await payingBuyer(getDb()))
    const unknown = await stranger.post('/api/deposits', { itemId: 'spaceship' })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json<ApiErrorBody>().code).toBe('unknown_deposit_item')
    expect((await stranger.get(`/api/deposits/${deposit.id}`)).statusCode).toBe(404)
    const anonymous = await shop.app.inject({
      method: 'POST',
      url: '/api/deposits',
      payload: { itemId: 'umbrella' },
    })
    expect(anonymous.statusCode).toBe(401)
  })
})

describeEachDatabase('web-view checkout', (getDb) => {
  const shop = shopForSuite(getDb, () => sim)

  async function ticketFor() {
    const who = await payingBuyer(getDb())
    const buyer = asBuyer(shop, who)
    const order = await buyer.placeOrder('envelope-kraft-std', 2)
    const res = await buyer.post(`/api/orders/${order.id}/webview-ticket`)
    expect(res.statusCode).toBe(201)
    const { url, expiresAt } = res.json<WebViewCheckout>()
    const parsed = new URL(url)
    expect(`${parsed.origin}${parsed.pathname}`).toBe(`${shop.origin}/webview/checkout`)
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now())
    return { who, buyer, order, url: parsed, ticket: parsed.searchParams.get('ticket') ?? '' }
  }

  const payWith = (orderId: string, ticket: string) =>
    shop.app.inject({ method: 'POST', url: '/webview/api/payment', payload: { orderId, ticket } })

  it('serves the page: the order, a Pay button through https://appx/web-view.min.js, a strict CSP', async () => {
    const { order, url } = await ticketFor()
    const page = await shop.app.inject({ method: 'GET', url: `${url.pathname}${url.search}` })
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toMatch(/^text\/html/)
    expect(page.headers['cache-control']).toBe('no-store')
    expect(page.headers['referrer-policy']).toBe('no-referrer')
    expect(page.headers['content-security-policy']).toMatch(/script-src 'nonce-[^']+' https:\/\/appx/)
    expect(page.body).toContain(order.id)
    expect(page.body).toContain(`¥${fenToYuan(order.total)}`)
    expect(page.body).toMatch(/<script nonce="[^"]+" src="https:\/\/appx\/web-view.min.js"><\/script>/)
    expect(page.body).toContain('my.tradePay({ tradeNO')
    expect(page.body).toContain('/pages/pay-result/index?orderId=')
    expect(page.body).toMatch(/web-view/) // the explanation shown outside Alipay
    // No other external asset.
    expect(page.body.match(/(?:src|href)="https?:\/\/[^"]+"/g)).toEqual([
      'src="https://appx/web-view.min.js"',
    ])
  })

  it('trades the ticket once for the tradeNO of a trade bound to the ticket’s buyer', async () => {
    const { who, order, url, ticket } = await ticketFor()
    const first = await payWith(order.id, ticket)
    expect(first.statusCode).toBe(200)
    const { tradeNO } = first.json<{ tradeNO: string }>()
    const trade = await sim
      .client()
      .exec<{ tradeNo: string; buyerUserId: string }>('alipay.trade.query', { out_trade_no: order.id })
    expect(trade).toMatchObject({ tradeNo: tradeNO, buyerUserId: who.buyer.alipay.value })
    expect((await sim.pay(tradeNO, 'pay', 'buyer-2')).resultCode).toBe('6001')

    const second = await payWith(order.id, ticket)
    expect(second.statusCode).toBe(401)
    expect(second.json<ApiErrorBody>().code).toBe('ticket_invalid')
    const page = await shop.app.inject({ method: 'GET', url: `${url.pathname}${url.search}` })
    expect(page.statusCode).toBe(401)
    expect(page.body).not.toContain('my.tradePay')
  })

  it('binds the ticket to its order and buyer, stores only its hash, and lets it expire', async () => {
    const mine = await ticketFor()
    const other = await mine.buyer.placeOrder()
    expect((await payWith(other.id, mine.ticket)).statusCode).toBe(401)

    const stranger = asBuyer(shop, await payingBuyer(getDb()))
    expect((await stranger.post(`/api/orders/${mine.order.id}/webview-ticket`)).statusCode).toBe(404)

    const hash = createHash('sha256').update(mine.ticket).digest('hex')
    const stored = await getDb().query<{ ticket_hash: string }>('select ticket_hash from webview_tickets')
    expect(stored.map((row) => row.ticket_hash)).toContain(hash)
    expect(JSON.stringify(stored)).not.toContain(mine.ticket)

    await getDb().query(
      `update webview_tickets set expires_at = now() - interval '1 second' where ticket_hash = $1`,
      [hash],
    )
    expect((await payWith(mine.order.id, mine.ticket)).statusCode).toBe(401)
  })

  it('still works with a ticket after a wrong-order attempt, and refuses a ticket for a paid order', async () => {
    const { buyer, order, ticket } = await ticketFor()
    const other = await buyer.placeOrder()
    expect((await payWith(other.id, ticket)).statusCode).toBe(401)
    expect((await payWith(order.id, ticket)).statusCode).toBe(200)

    const paidOrder = await buyer.placeOrder()
    await getDb().query(`update orders set status = 'paid', paid_at = now() where id = $1`, [paidOrder.id])
    const refused = await buyer.post(`/api/orders/${paidOrder.id}/webview-ticket`)
    expect(refused.statusCode).toBe(409)
    expect(refused.json<ApiErrorBody>().code).toBe('order_not_payable')
  })

  it('refuses a ticket for an order past its expiry that the sweeper has not closed yet', async () => {
    const buyer = asBuyer(shop, await payingBuyer(getDb()))
    const order = await buyer.placeOrder()
    await expireOrder(getDb(), order.id)
    expect((await orderStatus(getDb(), order.id)).status).toBe('awaiting_payment')
    const refused = await buyer.post(`/api/orders/${order.id}/webview-ticket`)
    expect(refused.statusCode).toBe(409)
    expect(refused.json<ApiErrorBody>()).toMatchObject({
      code: 'order_not_payable',
      message: expect.stringMatching(/has expired/),
    })
  })
})
