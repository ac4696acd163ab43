import type { Locale } from '../../shop.config'
import { useLocaleStore } from '../../shared/i18n'

/**
 * Developer content of the payment screens and the FAQ: result codes, integration hints (tradeNO,
 * whitelists, ISV permissions). Development builds only.
 *
 * THE switch: `process.env.NODE_ENV !== 'production'` below is replaced by webpack at build time,
 * so in a production build `DEV_TEXTS` is `null` and `developerTexts()` — every string here — is
 * dropped from the bundle (tests/build/developer-content.test.ts scans the production output).
 * Everything developer-only on these screens reads `DEV_TEXTS`; it stays in docs/payments.md too.
 */
export const DEV_TEXTS = process.env.NODE_ENV !== 'production' ? developerTexts() : null

function developerTexts() {
  const zhCN = {
    'pay.resultCode': '支付宝结果码 {code}',
    'pay.devTitle': '开发提示（仅开发版可见）',
    'pay.success.dev':
      '9000 不能判定支付成功：以异步通知 notify_url 中 trade_status 为 TRADE_SUCCESS，以及 alipay.trade.query 的结果为准。本页正在轮询订单状态。',
    'pay.processing.dev':
      '8000：正在处理中，结果未知。服务端应调用 alipay.trade.query 查询交易状态，以查询结果为准。',
    'pay.unknownResult.dev': '6004：处理结果未知。调用 alipay.trade.query 查询订单的实际支付状态。',
    'pay.failed.dev':
      '4000：检查 tradeNO 参数名大小写（"NO" 大写）；tradeNO 必须是 alipay.trade.create 返回的 trade_no，不是商户订单号 out_trade_no。预授权时检查 orderStr（alipay.fund.auth.order.app.freeze 的参数）。',
    'pay.cancelled.dev':
      '6001：用户中途取消。若用户并未取消：alipay.trade.create 在小程序场景必须传 buyer_id（或 buyer_open_id），且须与唤起支付的支付宝账号一致；并检查 tradeNO 是否为 trade_no。',
    'pay.network.dev': '6002：网络连接出错。提示用户检查网络后重试；重试前先查询订单，避免重复付款。',
    'pay.forgotPassword.dev': '99：用户点击“忘记密码”后退出收银台（iOS）。订单未付款，可重新发起支付。',
    'pay.noPermission.dev':
      '4：无权限调用（N22104）。个人小程序无法使用支付；企业小程序需在开放平台签约“当面付”。',
    'pay.unrecognised.dev': '未知结果码：记录原始返回值；不要据此判断成功或失败，以服务端查询为准。',
    'faq.confirm.q': '为什么返回 9000 还显示“正在确认”？',
    'faq.confirm.a':
      '9000 不能判定支付成功。本店只在服务端收到验签通过的异步通知（TRADE_SUCCESS / TRADE_FINISHED），或通过 alipay.trade.query 查到已支付后，才把订单标为已付款。',
    'faq.codes.q': '各个结果码是什么意思？',
    'faq.codes.a':
      '9000 订单处理成功（仍需服务端确认）；8000 正在处理中；6004 结果未知（可能已成功）；4000 订单处理失败；6001 用户中途取消；6002 网络连接出错；99 用户点击忘记密码并退出（iOS）；4 无权限调用。除服务端确认外，任何结果码都不代表已付款。',
    'faq.tradeNo.q': 'tradeNO 应该传什么？',
    'faq.tradeNo.a':
      '传 alipay.trade.create 返回的 trade_no（支付宝交易号），不是自己的订单号 out_trade_no；参数名是 tradeNO，注意 “NO” 大写。',
    'faq.webview.q': 'web-view 中如何进行支付？',
    'faq.webview.a':
      'web-view 中也可以通过 my.tradePay 支付，不支持 H5 网页支付。H5 页面引入 https://appx/web-view.min.js 后调用 my.tradePay({ tradeNO })，tradeNO 由服务端 alipay.trade.create 返回。不能在 web-view 中打开支付宝收银台或跳转外部 H5 支付页。',
    'faq.whitelist.q': 'web-view 的域名白名单有什么要求？',
    'faq.whitelist.a':
      '仅企业支付宝小程序可用；域名须为 HTTPS，不能是 IP 或带端口，需要在小程序后台配置并放置校验文件；支付宝及阿里系域名不能加入白名单；不支持重定向页面；白名单修改需发布新版本后生效；每个页面只能有一个 web-view，且 cookie、storage 与小程序隔离。',
    'faq.otherApp.q': '小程序唤起支付可以支付其它 APPID 或 PID 创建的交易吗？',
    'faq.otherApp.a':
      '可以。my.tradePay 不限制创建 tradeNO 的应用 APPID，只要交易号合法即可；但交易的 buyer_id / buyer_open_id 必须是当前付款的支付宝账号。',
    'faq.permission.q': '唤起支付提示“ISV 权限不足”？',
    'faq.permission.a': '需要登录小程序后台签约“当面付”能力。个人小程序不能使用 my.tradePay（结果码 4）。',
    'pay.paid.dev':
      '服务端已确认付款（验签通过的异步通知或 alipay.trade.query），本页已停止轮询；URL 中的结果码不再影响页面。',
    'pay.closed.dev': '服务端报告订单已关闭：停止轮询，不再提供重新支付。',
    'faq.devTitle': '开发者问答（仅开发版可见，另见 docs/payments.md）',
  }
  const en: Record<keyof typeof zhCN, string> = {
    'pay.resultCode': 'Alipay result code {code}',
    'pay.devTitle': 'Developer notes (development builds only)',
    'pay.success.dev':
      '9000 does not prove payment: rely on the notify_url notification with trade_status TRADE_SUCCESS and on alipay.trade.query. This screen polls the order.',
    'pay.processing.dev':
      '8000: processing, result unknown. Query the trade with alipay.trade.query and trust that.',
    'pay.unknownResult.dev': '6004: result unknown. Query the real status with alipay.trade.query.',
    'pay.failed.dev':
      '4000: check the parameter name tradeNO (capital "NO"), and that it is the trade_no returned by alipay.trade.create, not your out_trade_no. For pre-authorization, check the orderStr (alipay.fund.auth.order.app.freeze parameters).',
    'pay.cancelled.dev':
      '6001: cancelled by the user. If they did not cancel: in mini-programs alipay.trade.create needs buyer_id (or buyer_open_id) equal to the account paying; and tradeNO must be the trade_no.',
    'pay.network.dev':
      '6002: network error. Ask the buyer to retry; query the order first to avoid paying twice.',
    'pay.forgotPassword.dev':
      '99: the buyer tapped “forgot password” and left the cashier (iOS). The order is unpaid; offer to pay again.',
    'pay.noPermission.dev':
      '4: no permission (N22104). Personal mini-programs cannot take payments; an enterprise mini-program must sign 当面付 (Face-to-Face Payment) in the Open Platform.',
    'pay.unrecognised.dev':
      'Unknown result code: log the raw answer; never infer success or failure from it, query the server.',
    'faq.confirm.q': 'Why does 9000 still say “confirming”?',
    'faq.confirm.a':
      '9000 does not prove payment. This shop marks an order paid only when its server receives Alipay’s verified notification (TRADE_SUCCESS / TRADE_FINISHED) or finds the trade paid with alipay.trade.query.',
    'faq.codes.q': 'What do the result codes mean?',
    'faq.codes.a':
      '9000 processed (the server still confirms); 8000 processing; 6004 unknown (may have succeeded); 4000 failed; 6001 cancelled by the buyer; 6002 network error; 99 the buyer tapped “forgot password” and left (iOS); 4 no permission. No result code means “paid” until the server confirms.',
    'faq.tradeNo.q': 'What goes into tradeNO?',
    'faq.tradeNo.a':
      'The trade_no that alipay.trade.create returned (Alipay’s trade number), not your own out_trade_no. The parameter is spelled tradeNO, with a capital “NO”.',
    'faq.webview.q': 'How do I take a payment inside a web-view?',
    'faq.webview.a':
      'Inside a web-view, pay with my.tradePay too: H5 web payment is not supported there. The H5 page loads https://appx/web-view.min.js and calls my.tradePay({ tradeNO }) with the trade_no your server got from alipay.trade.create. The Alipay cashier or an external H5 payment page cannot be opened inside a web-view.',
    'faq.whitelist.q': 'What does the web-view domain whitelist require?',
    'faq.whitelist.a':
      'Enterprise mini-programs only. The domain must be HTTPS, not an IP address and without a port, configured in the mini-program console with its verification file in place. Alipay and other Alibaba domains cannot be whitelisted; redirect pages are not supported; changes take effect with a new release. One web-view per page; its cookies and storage are separate from the mini-program.',
    'faq.otherApp.q': 'Can the mini-program pay a trade created by another APPID or PID?',
    'faq.otherApp.a':
      'Yes. my.tradePay does not restrict which APPID created the tradeNO, as long as the trade number is valid, but the trade’s buyer_id / buyer_open_id must be the Alipay account paying.',
    'faq.permission.q': 'Paying says “ISV insufficient permissions”?',
    'faq.permission.a':
      'Sign the Face-to-Face Payment (当面付) capability in the mini-program console. Personal mini-programs cannot use my.tradePay (result code 4).',
    'pay.paid.dev':
      'The server confirmed the payment (a verified notify or alipay.trade.query); this screen stopped polling, and the code in the URL no longer matters.',
    'pay.closed.dev': 'The server reports the order closed: polling stopped, paying again is not offered.',
    'faq.devTitle': 'Developer Q&A (development builds only; see also docs/payments.md)',
  }
  return { 'zh-CN': zhCN, en } satisfies Record<Locale, Record<keyof typeof zhCN, string>>
}

export type DevTextKey = keyof NonNullable<typeof DEV_TEXTS>['zh-CN']

/** Developer texts are in zh-CN and en like the others; `undefined` in a production build. */
export function useDevText(): ((key: DevTextKey, params?: Record<string, string>) => string) | undefined {
  const locale = useLocaleStore((state) => state.locale)
  if (!DEV_TEXTS) return undefined
  const texts = DEV_TEXTS[locale] ?? DEV_TEXTS['zh-CN']
  return (key, params) => texts[key].replace(/\{(\w+)\}/g, (whole, name: string) => params?.[name] ?? whole)
}
