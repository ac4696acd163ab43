/**
 * The merchant's side of the simulated Alipay account: its recent trades with every refund, as the
 * Alipay merchant platform's 交易查询 shows them. Development only, like the cashier; it lets a person
 * (or a test) check that the shop's records agree with "Alipay's":
 * - `GET /trades` (JSON), optionally `?outTradeNo=`;
 * - `GET /bill` (HTML), the same for people, newest first.
 * Amounts are yuan strings and times China time, as Alipay writes them.
 */
import { Type, type Static } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { fenToYuan, MERCHANT_NUMBER, toChinaTime } from '../alipay/wire-format'
import { escapeHtml } from '../http/html'
import { page } from './cashier-page'
import type { PaymentRuntime } from './settlement'
import type { StoredTrade } from './store'
import { refundedFen, tradeStatus } from './trades'

/** The bill shows this many trades; older ones are still in the store for the gateway. */
export const BILL_TRADES_MAX = 50

const BillRefund = Type.Object({
  outRequestNo: Type.String(),
  refundAmount: Type.String({ description: 'yuan' }),
  gmtRefund: Type.String({ description: 'China time, yyyy-MM-dd HH:mm:ss' }),
})

const BillTrade = Type.Object({
  tradeNo: Type.String(),
  outTradeNo: Type.String(),
  subject: Type.String(),
  tradeStatus: Type.String(),
  totalAmount: Type.String({ description: 'yuan' }),
  refundedAmount: Type.String({ description: 'yuan: refunds that went through' }),
  gmtCreate: Type.String(),
  gmtPayment: Type.Optional(Type.String()),
  refunds: Type.Array(BillRefund),
  /** Accepted in "slow" mode and not gone through yet. */
  pendingRefunds: Type.Array(Type.Object({ outRequestNo: Type.String(), refundAmount: Type.String() })),
})
type BillTrade = Static<typeof BillTrade>

const BillQuery = Type.Object({ outTradeNo: Type.Optional(Type.String({ pattern: MERCHANT_NUMBER.source })) })

function billTrade(trade: StoredTrade, now: number): BillTrade {
  return {
    tradeNo: trade.tradeNo,
    outTradeNo: trade.outTradeNo,
    subject: trade.subject,
    tradeStatus: tradeStatus(trade, now),
    totalAmount: fenToYuan(trade.totalFen),
    refundedAmount: fenToYuan(refundedFen(trade)),
    gmtCreate: toChinaTime(trade.createdAt),
    ...(trade.paidAt !== undefined ? { gmtPayment: toChinaTime(trade.paidAt) } : {}),
    refunds: trade.refunds.map((refund) => ({
      outRequestNo: refund.outRequestNo,
      refundAmount: fenToYuan(refund.amountFen),
      gmtRefund: toChinaTime(refund.at),
    })),
    pendingRefunds: trade.pendingRefunds.map((refund) => ({
      outRequestNo: refund.outRequestNo,
      refundAmount: fenToYuan(refund.amountFen),
    })),
  }
}

function renderTrade(trade: BillTrade): string {
  const refunds = [
    ...trade.refunds.map(
      (r) =>
        `<dt>退款 ${escapeHtml(r.outRequestNo)}</dt><dd>¥${r.refundAmount} · ${escapeHtml(r.gmtRefund)}</dd>`,
    ),
    ...trade.pendingRefunds.map(
      (r) => `<dt>处理中 ${escapeHtml(r.outRequestNo)}</dt><dd>¥${r.refundAmount}（refund pending）</dd>`,
    ),
  ].join('')
  return `<section class="card"><div class="subject">${escapeHtml(trade.subject)} · ${escapeHtml(trade.tradeStatus)}</div><div class="amount">¥${trade.totalAmount}</div><dl><dt>已退款 refunded</dt><dd>¥${trade.refundedAmount}</dd><dt>商户订单号 out_trade_no</dt><dd>${escapeHtml(trade.outTradeNo)}</dd><dt>交易号 trade_no</dt><dd>${escapeHtml(trade.tradeNo)}</dd><dt>创建 created</dt><dd>${escapeHtml(trade.gmtCreate)}</dd>${trade.gmtPayment ? `<dt>付款 paid</dt><dd>${escapeHtml(trade.gmtPayment)}</dd>` : ''}${refunds}</dl></section>`
}

export const billRoutes: FastifyPluginAsyncTypebox<{ runtime: PaymentRuntime }> = async (
  app,
  { runtime },
) => {
  const trades = (outTradeNo?: string) => {
    const now = runtime.now()
    const selected =
      outTradeNo === undefined
        ? runtime.store.recentTrades(BILL_TRADES_MAX)
        : runtime.store.recentTrades(Infinity).filter((trade) => trade.outTradeNo === outTradeNo)
    return selected.map((trade) => billTrade(trade, now))
  }

  app.get(
    '/trades',
    {
      schema: {
        tags: ['alipay-simulator'],
        summary: "Development only: the simulated merchant account's recent trades and their refunds",
        querystring: BillQuery,
        response: { 200: Type.Object({ items: Type.Array(BillTrade) }) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store')
      return { items: trades(request.query.outTradeNo) }
    },
  )

  app.get('/bill', { schema: { hide: true } }, async (_request, reply) => {
    const items = trades()
    const body = items.length
      ? items.map(renderTrade).join('')
      : '<section class="card"><div class="subject">还没有交易 <span class="en">No trades yet</span></div></section>'
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(page('商家账单（模拟）', body, 'Merchant bill: trades and refunds (offline simulator)'))
  })
}
