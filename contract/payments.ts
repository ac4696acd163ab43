import { Type, type Static } from '@sinclair/typebox'
import { DateTime, Fen, OrderId } from './common'

/**
 * How the client must open the cashier for an order, decided by the server:
 * - `tradeNO`: mini-program payment — `my.tradePay({ tradeNO })` with the `trade_no` that
 *   `alipay.trade.create` returned (never our order number);
 * - `orderStr`: pre-authorization — `my.tradePay({ orderStr })`, a string signed by the server
 *   (`sdkExecute('alipay.fund.auth.order.app.freeze', ...)`);
 * - `paymentUrl`: Alipay+ wallets — `my.tradePay({ paymentUrl })`.
 */
export const PaymentInvocation = Type.Union(
  [
    Type.Object({ kind: Type.Literal('tradeNO'), tradeNO: Type.String() }),
    Type.Object({ kind: Type.Literal('orderStr'), orderStr: Type.String() }),
    Type.Object({ kind: Type.Literal('paymentUrl'), paymentUrl: Type.String() }),
  ],
  { title: 'PaymentInvocation' },
)
export type PaymentInvocation = Static<typeof PaymentInvocation>

/**
 * Only from a server that pays through the Alipay simulator (development, the offline demo): the
 * simulator's cashier page, where an ordinary browser, which has no Alipay cashier, can play it.
 * A server with real Alipay credentials never sends it.
 */
const SimulatedCashierUrl = Type.String({ format: 'uri' })

/** POST /api/orders/:id/payment answer. Calling it again while unpaid returns the same trade. */
export const OrderPayment = Type.Object(
  {
    orderId: Type.String(),
    amount: Fen,
    invocation: PaymentInvocation,
    simulatedCashierUrl: Type.Optional(SimulatedCashierUrl),
  },
  { title: 'OrderPayment' },
)
export type OrderPayment = Static<typeof OrderPayment>

/**
 * Pre-authorization demo: a deposit frozen on the buyer's Alipay balance (e.g. renting an item).
 * Its end is the merchant's (POST /api/merchant/deposits/:id/return or /charge):
 * - `returning` → `returned`: the whole deposit goes back (unfrozen);
 * - `charging` → `returning` → `charged`: part of it is taken for damage, then the rest goes back;
 *   `charging` → `charged` when the whole deposit is taken.
 * Each `…ing` state is a request Alipay has not confirmed yet (by notify or query).
 */
export const DepositStatus = Type.Union(
  [
    Type.Literal('awaiting_freeze'),
    Type.Literal('frozen'),
    Type.Literal('closed'),
    Type.Literal('charging'),
    Type.Literal('returning'),
    Type.Literal('returned'),
    Type.Literal('charged'),
  ],
  { title: 'DepositStatus' },
)
export type DepositStatus = Static<typeof DepositStatus>

export const Deposit = Type.Object(
  {
    id: Type.String(),
    title: Type.String(),
    amount: Fen,
    status: DepositStatus,
    createdAt: DateTime,
    frozenAt: Type.Optional(DateTime),
    /** Taken for damage: requested while `charging`, confirmed from `returning` on. */
    chargeAmount: Type.Optional(Fen),
    /** Given back: on its way while `returning`, back once `returned` or `charged`. */
    returnAmount: Type.Optional(Fen),
    /** When Alipay confirmed the last step (the unfreeze, or the charge of the whole deposit). */
    endedAt: Type.Optional(DateTime),
  },
  { title: 'Deposit' },
)
export type Deposit = Static<typeof Deposit>

export const CreateDepositRequest = Type.Object(
  { itemId: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,63}$' }) },
  { title: 'CreateDepositRequest', additionalProperties: false },
)
export type CreateDepositRequest = Static<typeof CreateDepositRequest>

/** POST /api/deposits answer: the deposit and the signed orderStr to freeze it. */
export const DepositPayment = Type.Object(
  {
    deposit: Deposit,
    invocation: PaymentInvocation,
    simulatedCashierUrl: Type.Optional(SimulatedCashierUrl),
  },
  { title: 'DepositPayment' },
)
export type DepositPayment = Static<typeof DepositPayment>

export const DepositIdParams = Type.Object({ id: Type.String({ pattern: '^D[0-9]{8,32}$' }) })

/** POST /api/merchant/deposits/:id/charge: the damage, taken from the deposit (fen, at most all of it). */
export const ChargeDepositInput = Type.Object(
  { amount: Type.Integer({ minimum: 1, description: 'Fen; at most the frozen deposit' }) },
  { title: 'ChargeDepositInput', additionalProperties: false },
)
export type ChargeDepositInput = Static<typeof ChargeDepositInput>
export type DepositIdParams = Static<typeof DepositIdParams>

/**
 * POST /api/orders/:id/webview-ticket answer: the checkout page to open in a `<web-view>`. Its URL
 * carries a single-use ticket for this order and buyer (the page has no session), valid until
 * `expiresAt`.
 */
export const WebViewCheckout = Type.Object(
  { url: Type.String(), expiresAt: DateTime },
  { title: 'WebViewCheckout' },
)
export type WebViewCheckout = Static<typeof WebViewCheckout>

/** POST /webview/api/payment (called by the web-view page itself, not by the mini-program). */
export const WebViewPaymentRequest = Type.Object(
  {
    orderId: OrderId,
    ticket: Type.String({ pattern: '^[A-Za-z0-9_-]{43}$' }),
  },
  { title: 'WebViewPaymentRequest', additionalProperties: false },
)
export type WebViewPaymentRequest = Static<typeof WebViewPaymentRequest>

export const WebViewPayment = Type.Object({ tradeNO: Type.String() }, { title: 'WebViewPayment' })
export type WebViewPayment = Static<typeof WebViewPayment>

/** GET /api/deposit-items: what the deposit demo can rent, and the deposit each needs. */
export const DepositItemList = Type.Object(
  { items: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), amount: Fen })) },
  { title: 'DepositItemList' },
)
export type DepositItemList = Static<typeof DepositItemList>
