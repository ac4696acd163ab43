/**
 * The simulated wallet's cashier as a page, for H5 builds and people: what is being paid, which
 * buyer pays, one button per outcome. Self-contained (inline CSS, no script, no external asset),
 * zh-CN with English sub-labels. Where it may send the buyer back: cashier-return.ts.
 */
import { NAMED_BUYER_KEYS } from './buyers'
import { fenToYuan } from '../alipay/wire-format'
import { buyerIdFor } from './trades'
import { OUTCOME_CODES, OUTCOMES, type CashierTarget, type Outcome } from './settlement'
import { escapeHtml } from '../http/html'

/** Each outcome's button: [Chinese, English]. */
export const CASHIER_LABELS: Record<Outcome, [string, string]> = {
  pay: ['确认付款', 'Pay'],
  processing: ['处理中（稍后到账）', 'Processing, paid later'],
  unknown: ['结果未知（已付款）', 'Unknown result, paid'],
  cancel: ['取消付款', 'Cancel'],
  fail: ['付款失败', 'Fail'],
  network_error: ['网络异常', 'Network error'],
  forgot_password: ['忘记密码', 'Forgot password'],
  no_permission: ['无权限', 'No permission'],
}

const STYLE = `*{box-sizing:border-box}body{margin:0;font:16px/1.5 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#f5f5f5;color:#333}
main{max-width:480px;margin:0 auto;padding:16px}header{background:#1677ff;color:#fff;padding:12px 16px;font-weight:600}
header small,.en{display:block;font-weight:400;font-size:12px;opacity:.75}.card{background:#fff;border-radius:12px;padding:16px;margin:12px 0}
.amount{font-size:34px;font-weight:600;text-align:center;margin:4px 0}.subject{text-align:center;color:#666}
dl{display:grid;grid-template-columns:auto 1fr;gap:4px 12px;font-size:13px;color:#666;margin:12px 0 0}dd{margin:0;word-break:break-all}
label{display:block;font-size:14px;margin-bottom:6px}select{width:100%;font-size:16px;padding:10px;border:1px solid #ccc;border-radius:8px;background:#fff}
button{display:flex;width:100%;justify-content:space-between;align-items:center;text-align:left;font-size:16px;padding:12px 14px;margin:8px 0;border:1px solid #d9d9d9;border-radius:8px;background:#fff;color:#333}
button.primary{background:#1677ff;border-color:#1677ff;color:#fff}button code{font-size:13px;opacity:.8}
.error{background:#fff1f0;border:1px solid #ffa39e;color:#a8071a}`

export interface CashierPageInput {
  target: CashierTarget
  /** The original query: tradeNO / orderStr / paymentUrl and return, posted back as they came. */
  fields: Record<string, string>
}

function summary(target: CashierTarget): string {
  if (target.kind === 'invalid')
    return `<section class="card error"><strong>无法支付</strong><span class="en">Cannot pay</span><p>${escapeHtml(target.reason)}</p></section>`
  const [title, amountFen, rows] =
    target.kind === 'trade'
      ? [
          target.trade.subject,
          target.trade.totalFen,
          [
            ['交易号 trade_no', target.trade.tradeNo],
            ['商户订单号 out_trade_no', target.trade.outTradeNo],
            ['应用 app_id', target.trade.appId],
          ],
        ]
      : [
          target.order.orderTitle,
          target.order.amountFen,
          [
            ['预授权 out_order_no', target.order.outOrderNo],
            ['out_request_no', target.order.outRequestNo],
            ['应用 app_id', target.order.app.appId],
          ],
        ]
  const list = rows
    .map(([name, value]) => `<dt>${escapeHtml(String(name))}</dt><dd>${escapeHtml(String(value))}</dd>`)
    .join('')
  return `<section class="card"><div class="subject">${escapeHtml(String(title))}</div><div class="amount">¥${fenToYuan(Number(amountFen))}</div>${target.kind === 'freeze' ? '<div class="subject">资金冻结 <span class="en">Pre-authorization (freeze)</span></div>' : ''}<dl>${list}</dl></section>`
}

function buyerPicker(target: CashierTarget): string {
  const options: string[] = []
  let selected: string | undefined
  if (target.kind === 'trade') {
    const { trade } = target
    selected = NAMED_BUYER_KEYS.find(
      (key) => buyerIdFor(trade.buyer.kind, trade.appId, key).id === trade.buyer.id,
    )
    if (!selected) options.push(`<option value="" selected>交易的买家 (the trade's buyer)</option>`)
  } else selected = NAMED_BUYER_KEYS[0]
  for (const key of NAMED_BUYER_KEYS) {
    const owner = target.kind === 'trade' && key === selected ? '（交易买家 / trade buyer）' : ''
    options.push(`<option value="${key}"${key === selected ? ' selected' : ''}>${key}${owner}</option>`)
  }
  return `<section class="card"><label for="buyer">付款账号 <span class="en">Paying buyer</span></label><select id="buyer" name="buyer">${options.join('')}</select></section>`
}

export function renderCashierPage({ target, fields }: CashierPageInput): string {
  const hidden = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('')
  const buttons = OUTCOMES.map((outcome) => {
    const [zh, en] = CASHIER_LABELS[outcome]
    return `<button type="submit" name="outcome" value="${outcome}"${outcome === 'pay' ? ' class="primary"' : ''}><span>${zh}<span class="en">${en}</span></span><code>${OUTCOME_CODES[outcome]}</code></button>`
  }).join('')
  return page(
    '支付宝收银台（模拟）',
    `${summary(target)}<form method="post" action="cashier">${hidden}${target.kind === 'invalid' ? '' : buyerPicker(target)}<section class="card">${buttons}</section></form>`,
  )
}

export function renderMessagePage(title: string, english: string, detail: string): string {
  return page(
    title,
    `<section class="card"><strong>${escapeHtml(title)}</strong><span class="en">${escapeHtml(english)}</span><p>${escapeHtml(detail)}</p></section>`,
  )
}

/** A self-contained simulator page: the wallet's blue header, then `body` (HTML, already escaped). */
export function page(title: string, body: string, subtitle = 'Alipay cashier (offline simulator)'): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><header>${escapeHtml(title)}<small>${escapeHtml(subtitle)}</small></header><main>${body}</main></body></html>`
}
