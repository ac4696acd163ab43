/**
 * The simulator's state, in memory behind a small interface so another store can be swapped in
 * without touching the gateway, the cashier or the method handlers. Records are handed out as
 * copies: change one and `save…` it back.
 */
import type { AlipayIdKind } from '../alipay/wire-format'

export interface AuthCodeGrant {
  code: string
  appId: string
  buyerKey: string
  expiresAt: number // epoch ms
}

/** Stored states; a WAIT_BUYER_PAY trade past `expiresAt` reads as TRADE_CLOSED (see trades.ts). */
export type StoredTradeStatus = 'WAIT_BUYER_PAY' | 'TRADE_SUCCESS' | 'TRADE_CLOSED'

/** Whom a trade is bound to: the id kind the shop passed to alipay.trade.create. */
export interface TradeBuyer {
  kind: AlipayIdKind
  id: string
}

/** A refund that went through: the money is back with the buyer. */
export interface StoredRefund {
  outRequestNo: string
  amountFen: number
  /** Cumulative refunded amount after this refund. */
  refundFeeFen: number
  at: number
}

/** A refund accepted in "slow" mode (POST /control) that has not gone through yet. */
export interface PendingRefund {
  outRequestNo: string
  amountFen: number
  requestedAt: number
}

export interface StoredTrade {
  tradeNo: string
  appId: string
  outTradeNo: string
  totalFen: number
  subject: string
  productCode: string
  opAppId: string
  buyer: TradeBuyer
  notifyUrl?: string
  createdAt: number
  /** epoch ms; from time_expire or timeout_express. */
  expiresAt?: number
  status: StoredTradeStatus
  paidAt?: number
  closedAt?: number
  /** An 8000 ("processing") payment is on its way: the cashier refuses a second one meanwhile. */
  paymentPending?: boolean
  refunds: StoredRefund[]
  pendingRefunds: PendingRefund[]
}

/**
 * What the merchant did with a freeze afterwards: an UNFREEZE (alipay.fund.auth.order.unfreeze,
 * `outRequestNo` = its out_request_no) or a PAY (alipay.trade.pay with auth_no, `outRequestNo` =
 * the trade's out_trade_no, `tradeNo` set). See fund-auth.ts.
 */
export interface StoredFreezeOperation {
  kind: 'UNFREEZE' | 'PAY'
  operationId: string
  outRequestNo: string
  amountFen: number
  at: number
  tradeNo?: string
  remark?: string
}

/** A pre-authorization (alipay.fund.auth.order.app.freeze), frozen by the cashier. */
export interface StoredFreeze {
  authNo: string
  operationId: string
  appId: string
  outOrderNo: string
  outRequestNo: string
  orderTitle: string
  amountFen: number
  payer: TradeBuyer
  notifyUrl?: string
  status: 'SUCCESS'
  at: number
  /** Unfreezes and payments from it, oldest first. */
  operations: StoredFreezeOperation[]
}

export interface SimulatorStore {
  saveAuthCode(grant: AuthCodeGrant): void
  /** Removes and returns the grant: an auth code can be exchanged once, whatever the outcome. */
  takeAuthCode(code: string): AuthCodeGrant | undefined
  /** Drops grants that expired before `now`; called on every issue so memory stays bounded. */
  purgeExpired(now: number): void

  /** Inserts or replaces (by trade_no). */
  saveTrade(trade: StoredTrade): void
  tradeByNo(tradeNo: string): StoredTrade | undefined
  /** out_trade_no is unique per app, not globally. */
  tradeByOutTradeNo(appId: string, outTradeNo: string): StoredTrade | undefined
  /** The most recently created trades, newest first (the merchant's bill). */
  recentTrades(limit: number): StoredTrade[]

  saveFreeze(freeze: StoredFreeze): void
  freezeByOutRequestNo(appId: string, outOrderNo: string, outRequestNo: string): StoredFreeze | undefined
  /** Every freeze of one app, oldest first. */
  freezesOf(appId: string): StoredFreeze[]
}

const copyTrade = (trade: StoredTrade): StoredTrade => ({
  ...trade,
  buyer: { ...trade.buyer },
  refunds: trade.refunds.map((refund) => ({ ...refund })),
  pendingRefunds: trade.pendingRefunds.map((refund) => ({ ...refund })),
})
const copyFreeze = (freeze: StoredFreeze): StoredFreeze => ({
  ...freeze,
  payer: { ...freeze.payer },
  operations: freeze.operations.map((operation) => ({ ...operation })),
})

export function createMemoryStore(): SimulatorStore {
  const authCodes = new Map<string, AuthCodeGrant>()
  const trades = new Map<string, StoredTrade>()
  const tradeNoByOut = new Map<string, string>()
  const freezes = new Map<string, StoredFreeze>() // key: app, out_order_no, out_request_no
  const outKey = (...parts: string[]) => JSON.stringify(parts)
  return {
    saveAuthCode: (grant) => void authCodes.set(grant.code, grant),
    takeAuthCode(code) {
      const grant = authCodes.get(code)
      authCodes.delete(code)
      return grant
    },
    purgeExpired(now) {
      for (const [code, grant] of authCodes) if (grant.expiresAt <= now) authCodes.delete(code)
    },

    saveTrade(trade) {
      trades.set(trade.tradeNo, copyTrade(trade))
      tradeNoByOut.set(outKey(trade.appId, trade.outTradeNo), trade.tradeNo)
    },
    tradeByNo(tradeNo) {
      const trade = trades.get(tradeNo)
      return trade && copyTrade(trade)
    },
    tradeByOutTradeNo(appId, outTradeNo) {
      const tradeNo = tradeNoByOut.get(outKey(appId, outTradeNo))
      const trade = tradeNo === undefined ? undefined : trades.get(tradeNo)
      return trade && copyTrade(trade)
    },
    // A Map keeps first-insertion order, and saving a trade again keeps its place.
    recentTrades: (limit) => [...trades.values()].reverse().slice(0, limit).map(copyTrade),

    saveFreeze(freeze) {
      freezes.set(outKey(freeze.appId, freeze.outOrderNo, freeze.outRequestNo), copyFreeze(freeze))
    },
    freezeByOutRequestNo(appId, outOrderNo, outRequestNo) {
      const freeze = freezes.get(outKey(appId, outOrderNo, outRequestNo))
      return freeze && copyFreeze(freeze)
    },
    freezesOf: (appId) => [...freezes.values()].filter((f) => f.appId === appId).map(copyFreeze),
  }
}
