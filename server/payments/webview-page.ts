/**
 * The web-view checkout page (GET /webview/checkout): a self-contained mobile page for a
 * mini-program `<web-view src="…">`. H5 web payment is not supported inside a mini-program
 * web-view, so the page pays with `my.tradePay({ tradeNO })` through the web-view bridge
 * (`https://appx/web-view.min.js`, which exists only inside Alipay), then tells the mini-program
 * (`my.postMessage`) and opens its result page (`my.navigateTo`). Anywhere else it explains that.
 *
 * DEPLOYING IT — Alipay only loads web-view pages from the mini-program's business-domain
 * whitelist (开放平台 → 小程序 → 开发设置 → H5 域名配置 / 业务域名):
 *  - https only, on a registered domain: no IP address and no port (PUBLIC_URL must be such a URL);
 *  - prove ownership by serving the verification file Alipay gives you at the domain's root;
 *  - the whitelist takes effect only for a NEW RELEASE of the mini-program (and in the IDE's
 *    preview once configured); development builds can skip the check in the IDE's settings.
 * Nothing on the page comes from another origin except the bridge script, so the strict CSP below
 * holds; the ticket in the URL is single-use and short-lived, and never sent on as a Referer.
 */
import { randomBytes } from 'node:crypto'
import type { Order } from '../../contract'
import type { Language } from '../http/language'
import { fenToYuan } from '../alipay/wire-format'
import { escapeHtml } from '../http/html'

const TEXT = {
  'zh-CN': {
    title: '订单支付',
    order: '订单号',
    total: '应付金额',
    pay: '使用支付宝付款',
    paying: '正在打开收银台…',
    outside:
      '此页面只能在支付宝小程序的 web-view 中付款（web-view 内不支持 H5 网页支付）。请回到小程序中打开。',
    expired: '链接已失效或已使用，请回到小程序重新打开付款页面。',
    failed: '无法发起付款，请回到小程序重试。',
  },
  en: {
    title: 'Pay for your order',
    order: 'Order',
    total: 'Total',
    pay: 'Pay with Alipay',
    paying: 'Opening the cashier…',
    outside:
      'This page can only take payment inside an Alipay mini-program web-view (H5 web payment is not supported there). Open it from the mini-program.',
    expired:
      'This link has expired or was already used. Go back to the mini-program and open the payment page again.',
    failed: 'The payment could not be started. Go back to the mini-program and try again.',
  },
} as const

/** JSON that is safe inside <script>: no `<` can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c')

export interface RenderedPage {
  html: string
  /** The page's Content-Security-Policy (inline code runs only with its nonce). */
  csp: string
}

const STYLE = `body{margin:0;font:16px/1.5 -apple-system,"PingFang SC",sans-serif;background:#f5f5f5;color:#222}
main{max-width:480px;margin:0 auto;padding:16px}section{background:#fff;border-radius:12px;padding:16px;margin-bottom:12px}
h1{font-size:20px;margin:0 0 12px}ul{list-style:none;padding:0;margin:0}li{display:flex;justify-content:space-between;padding:4px 0}
.total{font-size:24px;font-weight:600;color:#e4393c}.muted{color:#888;font-size:13px}
button{width:100%;padding:14px;border:0;border-radius:24px;background:#1677ff;color:#fff;font-size:17px}
button:disabled{background:#9cc3ff}#message{margin-top:12px;color:#c00}`

function shell(lang: Language, body: string, script = ''): RenderedPage {
  const nonce = randomBytes(16).toString('base64')
  const t = TEXT[lang]
  const html = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1,viewport-fit=cover">
<meta name="referrer" content="no-referrer"><title>${t.title}</title>
<style nonce="${nonce}">${STYLE}</style></head>
<body><main>${body}</main>${script.replace(/<script/g, `<script nonce="${nonce}"`)}</body></html>`
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}' https://appx`,
    `style-src 'nonce-${nonce}'`,
    "connect-src 'self'",
    "img-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ')
  return { html, csp }
}

/** When the ticket is unknown, used, expired or for another order. */
export function renderExpiredPage(lang: Language): RenderedPage {
  return shell(lang, `<section><h1>${TEXT[lang].title}</h1><p>${TEXT[lang].expired}</p></section>`)
}

export function renderCheckoutPage(lang: Language, order: Order, ticket: string): RenderedPage {
  const t = TEXT[lang]
  const lines = order.lines
    .map(
      (line) =>
        `<li><span>${escapeHtml(line.title)} × ${line.quantity}</span><span>¥${fenToYuan(line.lineTotal)}</span></li>`,
    )
    .join('')
  const body = `<section><h1>${t.title}</h1><p class="muted">${t.order} ${escapeHtml(order.id)}</p><ul>${lines}</ul></section>
<section><div class="muted">${t.total}</div><div class="total">¥${fenToYuan(order.total)}</div></section>
<button id="pay" disabled>${t.pay}</button><p id="message" role="status"></p>`
  const config = {
    orderId: order.id,
    ticket,
    text: { paying: t.paying, outside: t.outside, failed: t.failed },
  }
  const script = `<script src="https://appx/web-view.min.js"></script>
<script>(${CHECKOUT_SCRIPT})(${scriptJson(config)})</script>`
  return shell(lang, body, script)
}

/**
 * Runs in the page, written as plain ES5 text (not compiled from TypeScript: no helper or syntax
 * an old web-view lacks). The ticket is exchanged for the tradeNO once; a second tap reuses it.
 */
const CHECKOUT_SCRIPT = `function (config) {
  var my = window.my
  var button = document.getElementById('pay')
  var message = document.getElementById('message')
  var tradeNO = null
  function show(text) { message.textContent = text }
  function finish(result) {
    // The code may come as a string or a number, in resultCode, response.resultCode or error.
    var raw = result && (result.resultCode || (result.response && result.response.resultCode) || result.error)
    var code = raw === undefined || raw === null || raw === '' ? 'unknown' : String(raw)
    my.postMessage({ type: 'tradePay', orderId: config.orderId, resultCode: code })
    my.navigateTo({ url: '/pages/pay-result/index?orderId=' + encodeURIComponent(config.orderId) +
      '&code=' + encodeURIComponent(code) })
  }
  function pay(no) { my.tradePay({ tradeNO: no, success: finish, fail: finish }) }
  button.onclick = function () {
    button.disabled = true
    show(config.text.paying)
    if (tradeNO) return pay(tradeNO)
    fetch('/webview/api/payment', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ orderId: config.orderId, ticket: config.ticket })
    }).then(function (response) {
      if (!response.ok) throw new Error(String(response.status))
      return response.json()
    }).then(function (answer) {
      tradeNO = answer.tradeNO
      show('')
      button.disabled = false
      pay(tradeNO)
    })['catch'](function () { show(config.text.failed) })
  }
  if (!my || typeof my.getEnv !== 'function') return show(config.text.outside)
  my.getEnv(function (env) {
    if (env && env.miniprogram) button.disabled = false
    else show(config.text.outside)
  })
}`
