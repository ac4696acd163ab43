/**
 * Tampered and replayed Alipay notifies, starting from REAL ones: each order is paid at the
 * simulator's cashier, and the notify the simulator signed for it is caught before delivery. A
 * table of tamperings (after signing; or signed by "Alipay" but not about our trade; or out of
 * order) is posted to the shop over HTTP: each is answered with anything but `success` and changes
 * nothing anywhere in the database, and the genuine notify still pays the order afterwards.
 * Genuine replays, concurrent or late, are answered `success` and change nothing.
 * (payments-notify.test.ts holds the finer unit cases of the same handler, on both databases.)
 */
import { createSign, generateKeyPairSync, randomBytes } from 'node:crypto'
import type { Order } from '../../contract'
import { createNotifier, type Notifier } from '../alipay-simulator/notifier'
import { signNotify } from '../alipay-simulator/signing'
import { startSimulator, type SimulatorHarness } from '../alipay-simulator/test-harness'
import type { Db } from '../db/types'
import { createPgliteTestDatabase, type TestDatabase } from '../testing/databases'
import { httpRequest, type HttpAnswer } from './faults-http'
import { until } from '../testing/until'
import { asBuyer, payingBuyer, startShop, tradeNoOf, type ShopUnderTest } from './payments-helpers'
import { prepareDatabase } from '../testing/suites'

type Fields = Record<string, string>

let testDb: TestDatabase
let db: Db
let sim: SimulatorHarness
let shop: ShopUnderTest
/** Notifies the simulator signed, by trade_no; never delivered by the simulator itself. */
const caught = new Map<string, Fields>()

/** The simulator's notifier, except that notifies are caught instead of sent. */
function catchingNotifier(): Notifier {
  const inner = createNotifier({ scheduleMs: [0] })
  return Object.assign(inner, {
    send: (_url: string, fields: Fields) => void caught.set(fields.trade_no, fields),
  })
}

beforeAll(async () => {
  testDb = await createPgliteTestDatabase()
  db = testDb.db
  await prepareDatabase(db)
  sim = await startSimulator({ notifier: catchingNotifier() })
  shop = await startShop(db, sim)
})
afterAll(async () => {
  await shop.close()
  await sim.close()
  await testDb.dispose()
})

interface Paid {
  order: Order
  genuine: Fields
  /** Another unpaid order of the same buyer and total, with its own trade. */
  other: { order: Order; tradeNo: string }
}

/** An order Alipay took the money for, its genuine notify not delivered yet. */
async function paidAtAlipay(): Promise<Paid> {
  const buyer = asBuyer(shop, await payingBuyer(db))
  const order = await buyer.placeOrder('envelope-kraft-std', 2)
  const tradeNo = tradeNoOf(await buyer.openPayment(order.id))
  const otherOrder = await buyer.placeOrder('envelope-kraft-std', 2)
  const other = { order: otherOrder, tradeNo: tradeNoOf(await buyer.openPayment(otherOrder.id)) }
  expect((await sim.pay(tradeNo)).resultCode).toBe('9000')
  const genuine = await until('the simulator to sign its notify', async () => caught.get(tradeNo), 5000, 10)
  return { order, genuine, other }
}

const alipayKey = () => sim.simulatorKeys.privateKey
/** Signed by "Alipay" itself: genuine signature, content not about our trade. */
const signedByAlipay = (fields: Fields, changes: Fields) =>
  signNotify({ ...fields, ...changes, notify_id: randomBytes(16).toString('hex') }, alipayKey())
const form = (fields: Fields) => new URLSearchParams(fields).toString()

/** RSA-SHA1 (sign_type RSA) over the same content, with Alipay's own key. */
function sha1Signed(fields: Fields): Fields {
  const { sign: _sign, ...rest } = fields
  const content = Object.keys(rest)
    .filter((key) => key !== 'sign_type')
    .sort()
    .map((key) => `${key}=${rest[key]}`)
    .join('&')
  const sign = createSign('RSA-SHA1').update(content, 'utf8').sign(alipayKey(), 'base64')
  return { ...rest, sign_type: 'RSA', sign }
}

const postNotify = (body: string, contentType = 'application/x-www-form-urlencoded; charset=utf-8') =>
  httpRequest('POST', `${shop.origin}/api/alipay/notify`, {
    rawBody: body,
    headers: { 'content-type': contentType },
  })

/** Everything a notify could change, anywhere. */
async function snapshot(options: { withNotifies: boolean }) {
  return {
    orders: await db.query('select id, status, close_reason, paid_at, closed_at from orders order by id'),
    payments: await db.query('select * from payments order by order_id'),
    notifies: options.withNotifies
      ? await db.query('select notify_id, subject_id, status from alipay_notifies order by notify_id')
      : [],
    stock: await db.query('select id, stock from skus order by id'),
    deposits: await db.query('select id, status, auth_no, frozen_at from deposits order by id'),
  }
}

/** Refused: a 4xx (never 5xx, which would mean "could not handle, send again") and not `success`. */
function refused(res: HttpAnswer) {
  expect(res.text).not.toBe('success')
  expect(res.status).toBeGreaterThanOrEqual(400)
  expect(res.status).toBeLessThan(500)
}
const acknowledged = (res: HttpAnswer) => expect([res.status, res.text]).toEqual([200, 'success'])

type Tamper = (paid: Paid) => { body: string; contentType?: string }
const f =
  (build: (paid: Paid) => Fields): Tamper =>
  (paid) => ({ body: form(build(paid)) })

const tampered: Array<[string, Tamper]> = [
  [
    'a signature of other bytes',
    f(({ genuine }) => ({ ...genuine, sign: randomBytes(256).toString('base64') })),
  ],
  ['no sign field', f(({ genuine: { sign: _s, ...rest } }) => rest)],
  ['an empty sign', f(({ genuine }) => ({ ...genuine, sign: '' }))],
  [
    'signed with a key that is not Alipay’s',
    f(({ genuine }) =>
      signNotify(
        genuine,
        generateKeyPairSync('rsa', { modulusLength: 2048 })
          .privateKey.export({ type: 'pkcs8', format: 'pem' })
          .toString(),
      ),
    ),
  ],
  [
    'sign_type changed to RSA (SHA1) on an RSA2 signature',
    f(({ genuine }) => ({ ...genuine, sign_type: 'RSA' })),
  ],
  ['an unknown sign_type', f(({ genuine }) => ({ ...genuine, sign_type: 'HMAC-SHA256' }))],
  ['total_amount lowered after signing', f(({ genuine }) => ({ ...genuine, total_amount: '0.01' }))],
  [
    'gmt_payment changed after signing',
    f(({ genuine }) => ({ ...genuine, gmt_payment: '2020-01-01 00:00:00' })),
  ],
  [
    'out_trade_no moved after signing to another order of the same total',
    f(({ genuine, other }) => ({ ...genuine, out_trade_no: other.order.id, trade_no: other.tradeNo })),
  ],
  ['a field added after signing', f(({ genuine }) => ({ ...genuine, passback_params: 'x' }))],
  [
    'a field sent twice',
    ({ genuine }) => ({ body: `${form(genuine)}&out_trade_no=${genuine.out_trade_no}` }),
  ],
  [
    'app_id of another app (signed by Alipay)',
    f(({ genuine }) => signedByAlipay(genuine, { app_id: '2021000000009999' })),
  ],
  [
    'seller_id of another merchant (signed)',
    f(({ genuine }) => signedByAlipay(genuine, { seller_id: '2088999999999999' })),
  ],
  [
    'total_amount other than the order’s (signed)',
    f(({ genuine }) => signedByAlipay(genuine, { total_amount: '0.01' })),
  ],
  [
    'an out_trade_no the shop never made (signed)',
    f(({ genuine }) => signedByAlipay(genuine, { out_trade_no: '20200101000000000001' })),
  ],
  [
    'trade_no of another trade (signed)',
    f(({ genuine, other }) => signedByAlipay(genuine, { trade_no: other.tradeNo })),
  ],
  [
    'notify_type fund_auth_freeze aimed at the order (signed)',
    f(({ genuine }) =>
      signedByAlipay(genuine, {
        notify_type: 'fund_auth_freeze',
        out_order_no: genuine.out_trade_no,
        out_request_no: genuine.out_trade_no,
        auth_no: 'A1',
        amount: genuine.total_amount,
        status: 'SUCCESS',
      }),
    ),
  ],
  [
    'an unknown trade_status (signed)',
    f(({ genuine }) => signedByAlipay(genuine, { trade_status: 'trade_success' })),
  ],
  [
    'a malformed notify_id (signed)',
    f(({ genuine }) => signNotify({ ...genuine, notify_id: '../x' }, alipayKey())),
  ],
  ['sent as JSON', ({ genuine }) => ({ body: JSON.stringify(genuine), contentType: 'application/json' })],
  ['an oversized body', ({ genuine }) => ({ body: `${form(genuine)}&pad=${'x'.repeat(70 * 1024)}` })],
]

describe('tampered notifies are refused and change nothing', () => {
  it.each(tampered)('%s', async (_kind, tamper) => {
    const paid = await paidAtAlipay()
    const before = await snapshot({ withNotifies: true })
    const { body, contentType } = tamper(paid)
    refused(await postNotify(body, contentType))
    expect(await snapshot({ withNotifies: true })).toEqual(before)
    // Nothing was used up: the genuine notify still pays the order, and only it.
    acknowledged(await postNotify(form(paid.genuine)))
    const statuses = await db.query<{ id: string; status: string }>(
      'select id, status from orders where id = any($1::text[]) order by id',
      [[paid.order.id, paid.other.order.id]],
    )
    expect(Object.fromEntries(statuses.map((row) => [row.id, row.status]))).toEqual({
      [paid.order.id]: 'paid',
      [paid.other.order.id]: 'awaiting_payment',
    })
  })
})

describe('notifies out of order are acknowledged and change nothing', () => {
  it.each([
    ['WAIT_BUYER_PAY after the payment', 'WAIT_BUYER_PAY'],
    ['TRADE_CLOSED after the payment', 'TRADE_CLOSED'],
  ])('%s', async (_kind, tradeStatus) => {
    const paid = await paidAtAlipay()
    acknowledged(await postNotify(form(paid.genuine)))
    const before = await snapshot({ withNotifies: false })
    acknowledged(await postNotify(form(signedByAlipay(paid.genuine, { trade_status: tradeStatus }))))
    expect(await snapshot({ withNotifies: false })).toEqual(before)
  })

  // checkNotifySignV2 takes the algorithm from the notify's own sign_type; notify.ts accepts RSA2 only.
  it('refuses a genuine RSA-SHA1 notify (sign_type RSA): only RSA2 is Alipay’s current signature', async () => {
    const paid = await paidAtAlipay()
    const before = await snapshot({ withNotifies: true })
    refused(await postNotify(form(sha1Signed(paid.genuine))))
    expect(await snapshot({ withNotifies: true })).toEqual(before)
  })
})

describe('genuine replays are harmless', () => {
  it('pays once when the same notify arrives many times at once, and again later', async () => {
    const paid = await paidAtAlipay()
    const answers = await Promise.all(Array.from({ length: 8 }, () => postNotify(form(paid.genuine))))
    answers.forEach(acknowledged)
    const after = await snapshot({ withNotifies: true })
    const mine = await db.query('select notify_id from alipay_notifies where subject_id = $1', [
      paid.order.id,
    ])
    expect(mine).toEqual([{ notify_id: paid.genuine.notify_id }])
    expect(after.orders).toContainEqual(expect.objectContaining({ id: paid.order.id, status: 'paid' }))
    acknowledged(await postNotify(form(paid.genuine)))
    expect(await snapshot({ withNotifies: true })).toEqual(after)
  })
})
