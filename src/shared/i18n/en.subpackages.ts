import type { SubpackageMessages } from './zh-CN.subpackages'

export const enSubpackages: SubpackageMessages = {
  'product.selectOptions': 'Choose {names}',
  'product.selected': 'Selected: {values}',
  'product.quantity': 'Quantity',
  'product.stock': '{count} in stock',
  'product.addToCart': 'Add to cart',
  'product.added': 'Added to cart',
  'product.soldOut': 'Sold out',

  'address.title': 'Shipping address',
  'address.name': 'Recipient',
  'address.phone': 'Mobile number',
  'address.region': 'Region (province / city / district)',
  'address.detail': 'Street address',
  'address.error.name': 'Enter the recipient (up to {max} characters)',
  'address.error.phone': 'Enter an 11-digit mobile number, or an international number starting with +',
  'address.error.region': 'Enter the region',
  'address.error.detail': 'Enter the street address (at least {min} characters)',
  'address.error.controlCharacters': 'Remove line breaks, tabs and other invisible characters',
  'checkout.title': 'Confirm order',
  'checkout.items': '{count} items',
  'checkout.priceNote': 'The server prices the order; the amount to pay is the one it confirms',
  'checkout.placeOrder': 'Place order',
  'checkout.submitting': 'Placing order…',
  'checkout.nothingSelected': 'Nothing is selected in your cart',
  'orders.title': 'My orders',
  'orders.detailTitle': 'Order details',
  'orders.number': 'Order {id}',
  'orders.itemCount': '{count} items',
  'orders.createdAt': 'Placed {time}',
  'orders.expiresIn': 'Closes in {time} unless paid',
  'orders.expiredCheck': 'Time is up. Tap to refresh',
  'orders.cancel': 'Cancel order',
  'orders.cancelConfirm': 'Cancel this order?',
  'orders.cancelHint': 'Its items go back into stock.',
  'orders.empty': 'No orders yet',
  'orders.pay': 'Pay now',
  'orders.paying': 'Opening the cashier…',
  'pay.pageTitle': 'Payment result',
  'pay.resultCode': 'Alipay result code {code}',
  'pay.confirming': 'Asking the server whether the payment arrived…',
  'pay.notConfirmedYet':
    "The server has not received the payment yet. If you paid, tap “I've paid, check again” in a moment.",
  'pay.devTitle': 'Developer notes (development builds only)',
  'pay.unavailable':
    'Alipay payment is not available here: open the shop as an Alipay mini-program (the WeChat build is a preview).',
  'pay.couldNotStart': 'Could not start the payment',
  'pay.action.checkAgain': 'Check again',
  'pay.action.iHavePaid': "I've paid, check again",
  'pay.action.payAgain': 'Pay again',
  'pay.action.viewOrder': 'View order',
  'pay.action.backToShop': 'Back to the shop',
  'pay.paid.title': 'Payment received',
  'pay.paid.body': 'The server has confirmed your payment. We will ship soon.',
  'pay.closed.title': 'Order closed',
  'pay.closed.body': 'The order was cancelled or expired and nothing was charged; any charge is refunded.',
  'pay.success.title': 'Confirming your payment',
  'pay.success.body':
    'Alipay answered 9000 (processed), which is not proof of payment: the server decides, from Alipay’s notification and a query.',
  'pay.success.dev':
    '9000 does not prove payment: rely on the notify_url notification with trade_status TRADE_SUCCESS and on alipay.trade.query. This screen polls the order.',
  'pay.processing.title': 'Payment processing',
  'pay.processing.body': 'The result is not known yet (it may have succeeded). Checking with the server.',
  'pay.processing.dev':
    '8000: processing, result unknown. Query the trade with alipay.trade.query and trust that.',
  'pay.unknownResult.title': 'Payment result unknown',
  'pay.unknownResult.body':
    'The result is unknown (it may have succeeded). Checking with the server; do not pay twice.',
  'pay.unknownResult.dev': '6004: result unknown. Query the real status with alipay.trade.query.',
  'pay.failed.title': 'Payment failed',
  'pay.failed.body': 'The payment did not go through. You can pay again.',
  'pay.failed.dev':
    '4000: check the parameter name tradeNO (capital "NO"), and that it is the trade_no returned by alipay.trade.create, not your out_trade_no. For pre-authorization, check the orderStr (alipay.fund.auth.order.app.freeze parameters).',
  'pay.cancelled.title': 'Payment cancelled',
  'pay.cancelled.body': 'You cancelled. The order still awaits payment; you can pay before it closes.',
  'pay.cancelled.dev':
    '6001: cancelled by the user. If they did not cancel: in mini-programs alipay.trade.create needs buyer_id (or buyer_open_id) equal to the account paying; and tradeNO must be the trade_no.',
  'pay.network.title': 'Network error',
  'pay.network.body':
    'The connection failed; the payment may not have completed. Check your network, then check again or pay again.',
  'pay.network.dev':
    '6002: network error. Ask the buyer to retry; query the order first to avoid paying twice.',
  'pay.forgotPassword.title': 'Payment not completed',
  'pay.forgotPassword.body': 'You chose “Forgot password” and left the cashier; nothing was paid.',
  'pay.forgotPassword.dev':
    '99: the buyer tapped “forgot password” and left the cashier (iOS). The order is unpaid; offer to pay again.',
  'pay.noPermission.title': 'Payment not available',
  'pay.noPermission.body': 'This mini-program cannot take payments yet. Please contact the shop.',
  'pay.noPermission.dev':
    '4: no permission (N22104). Personal mini-programs cannot take payments; an enterprise mini-program must sign 当面付 (Face-to-Face Payment) in the Open Platform.',
  'pay.unrecognised.title': 'Payment result unknown',
  'pay.unrecognised.body':
    'The cashier answered with a result the app does not know. The server’s record decides.',
  'pay.unrecognised.dev':
    'Unknown result code: log the raw answer; never infer success or failure from it, query the server.',
  'faq.title': 'Payment FAQ',
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
  'faq.codes.q': 'What do the result codes mean?',
  'faq.codes.a':
    '9000 processed (the server still confirms); 8000 processing; 6004 unknown (may have succeeded); 4000 failed; 6001 cancelled by the buyer; 6002 network error; 99 the buyer tapped “forgot password” and left (iOS); 4 no permission. No result code means “paid” until the server confirms.',
  'faq.confirm.q': 'Why does 9000 still say “confirming”?',
  'faq.confirm.a':
    '9000 does not prove payment. This shop marks an order paid only when its server receives Alipay’s verified notification (TRADE_SUCCESS / TRADE_FINISHED) or finds the trade paid with alipay.trade.query.',
  'faq.tradeNo.q': 'What goes into tradeNO?',
  'faq.tradeNo.a':
    'The trade_no that alipay.trade.create returned (Alipay’s trade number), not your own out_trade_no. The parameter is spelled tradeNO, with a capital “NO”.',
  'faq.demoWebView': 'Open the web-view payment demo',
  'faq.demoDeposit': 'Open the pre-authorization (deposit) demo',
  'webview.title': 'Web-view payment demo',
  'webview.intro':
    'This page puts an H5 checkout page served by the server into a web-view: the page loads web-view.min.js and pays with my.tradePay (H5 web payment is not supported in a web-view). Open it from an order awaiting payment.',
  'webview.pickOrder': 'Pick an order awaiting payment',
  'orders.payInWebView': 'Pay in a web-view (demo)',
  'deposit.title': 'Pre-authorization (deposit) demo',
  'deposit.intro':
    'Renting an item freezes a deposit: the server signs an orderStr for alipay.fund.auth.order.app.freeze and the mini-program calls my.tradePay({ orderStr }); only the notification the server receives says the deposit is frozen.',
  'deposit.rent': 'Rent and freeze the deposit',
  'deposit.status.awaiting_freeze': 'Waiting for the deposit to freeze',
  'deposit.status.frozen': 'Deposit frozen (confirmed by the server)',
  'deposit.status.closed': 'Deposit closed',
}
