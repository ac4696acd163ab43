/**
 * Shared by faults-crash.test.ts (not a test file itself): buyers that check out and pay against
 * a shop server over real HTTP, recording what they were TOLD, so the test can compare it with
 * what the shop and "Alipay" (the simulator process) hold after a crash.
 */
import { randomBytes } from 'node:crypto'
import { SAMPLE_ADDRESS } from '../../tests/support/sample-address'
import type { Order, OrderPayment, Session } from '../../contract'
import { httpRequest, sendAndHangUp } from './faults-http'

export interface PlacedOrder {
  id: string
  key: string
  skuId: string
  quantity: number
  total: number
  tradeNo?: string
  /** The simulator's cashier answered 9000 for its trade: Alipay took the money. */
  paidAtAlipay: boolean
}

/** A POST /api/orders that got no answer: retried with the same key after the restart. */
export interface UnansweredOrder {
  key: string
  body: { lines: Array<{ skuId: string; quantity: number }>; address: typeof SAMPLE_ADDRESS }
}

export class LoadBuyer {
  token = ''
  readonly orders: PlacedOrder[] = []
  /** Trades opened but deliberately not paid yet: paid while the shop is down. */
  readonly held: PlacedOrder[] = []
  /** The order request the load sent when the server died, if its answer never came. */
  unanswered?: UnansweredOrder
  /** Why the loop stopped (the server died under it, normally). */
  stoppedBy?: string

  constructor(
    readonly key: string,
    private readonly shop: string,
    private readonly alipay: string,
  ) {}

  private auth() {
    return { authorization: `Bearer ${this.token}` }
  }

  async login(): Promise<void> {
    const code = await httpRequest('POST', `${this.alipay}/auth-codes`, { body: { buyer: this.key } })
    const { authCode } = code.json as { authCode: string }
    const session = await httpRequest('POST', `${this.shop}/api/session`, { body: { authCode } })
    if (session.status !== 201) throw new Error(`login ${session.status} ${session.text}`)
    this.token = (session.json as Session).token
  }

  /** Sends an order request and hangs up before the answer: resent after the restart. */
  async abandonOrder(skuId: string): Promise<UnansweredOrder> {
    const abandoned = {
      key: `crash-${randomBytes(12).toString('hex')}`,
      body: { lines: [{ skuId, quantity: 1 }], address: SAMPLE_ADDRESS },
    }
    await sendAndHangUp(`${this.shop}/api/orders`, abandoned.body, {
      ...this.auth(),
      'idempotency-key': abandoned.key,
    })
    return abandoned
  }

  /** Sends (or resends) an order; undefined when the server did not answer. */
  async sendOrder(order: UnansweredOrder): Promise<{ status: number; order?: Order } | undefined> {
    let res
    try {
      res = await httpRequest('POST', `${this.shop}/api/orders`, {
        body: order.body,
        headers: { ...this.auth(), 'idempotency-key': order.key },
      })
    } catch {
      return undefined
    }
    if (res.status !== 201 && res.status !== 200) throw new Error(`order ${res.status} ${res.text}`)
    const placed = res.json as Order
    const line = order.body.lines[0]
    if (!this.orders.some((known) => known.id === placed.id)) {
      this.orders.push({ id: placed.id, key: order.key, ...line, total: placed.total, paidAtAlipay: false })
    }
    return { status: res.status, order: placed }
  }

  /** Opens the trade; false when the server did not answer. */
  async openTrade(order: PlacedOrder): Promise<boolean> {
    let res
    try {
      res = await httpRequest('POST', `${this.shop}/api/orders/${order.id}/payment`, { headers: this.auth() })
    } catch {
      return false
    }
    if (res.status !== 200) throw new Error(`payment ${res.status} ${res.text}`)
    const invocation = (res.json as OrderPayment).invocation
    if (invocation.kind !== 'tradeNO') throw new Error(`unexpected invocation ${invocation.kind}`)
    order.tradeNo = invocation.tradeNO
    return true
  }

  /** my.tradePay finished with "pay" at the simulator's cashier (which never goes down here). */
  async pay(order: PlacedOrder): Promise<void> {
    const res = await httpRequest('POST', `${this.alipay}/cashier/pay`, {
      body: { tradeNO: order.tradeNo, outcome: 'pay' },
    })
    const { resultCode } = res.json as { resultCode: string }
    if (resultCode !== '9000') throw new Error(`cashier answered ${resultCode} for ${order.id}`)
    order.paidAtAlipay = true
  }

  /** Orders and pays until the server stops answering; the 2nd, 5th, 8th… trade is held. */
  async run(skuIds: string[], onPaid: () => void): Promise<void> {
    for (let n = 0; ; n++) {
      const line = { skuId: skuIds[n % skuIds.length], quantity: 1 + (n % 2) }
      const request = {
        key: `crash-${randomBytes(12).toString('hex')}`,
        body: { lines: [line], address: SAMPLE_ADDRESS },
      }
      if (!(await this.sendOrder(request))) {
        // Recorded here, not in sendOrder: the test resends abandoned orders through sendOrder,
        // which must not overwrite this.
        this.unanswered = request
        return void (this.stoppedBy = 'order unanswered')
      }
      const order = this.orders[this.orders.length - 1]
      if (!(await this.openTrade(order))) return void (this.stoppedBy = 'payment unanswered')
      if (n % 3 === 1) {
        this.held.push(order)
        continue
      }
      await this.pay(order)
      onPaid()
    }
  }

  /** The buyer's orders as the shop lists them (GET /api/orders never asks Alipay). */
  async listedStatuses(): Promise<Map<string, string>> {
    const res = await httpRequest('GET', `${this.shop}/api/orders?pageSize=50`, { headers: this.auth() })
    if (res.status !== 200) throw new Error(`list ${res.status} ${res.text}`)
    const page = res.json as { items: Order[]; total: number }
    if (page.total > page.items.length) throw new Error('more orders than one page: raise pageSize')
    return new Map(page.items.map((order) => [order.id, order.status]))
  }
}
