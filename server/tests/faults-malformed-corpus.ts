/**
 * The malformed-request corpus of faults-malformed.test.ts, as data: one row per request, across
 * every route of the API (and the simulator's JSON routes mounted in development). Each must get
 * a 4xx with `{ code, message }`. In paths, headers and raw bodies `{open}` is an unpaid order of
 * the logged-in buyer, `{closed}` a cancelled one, `{foreign}` another buyer's, `{key}` an
 * Idempotency-Key already used for another body.
 *
 * `auth`: 'buyer' (default) sends the buyer's bearer token, 'staff' or 'owner' a staff account's
 * of that role (so a merchant route reads the body instead of refusing at its guard), 'none' sends
 * none, any other string is sent as the Authorization header as is.
 */
import { SAMPLE_ADDRESS } from '../../tests/support/sample-address'

export interface MalformedRequest {
  name: string
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH'
  path: string
  /** Serialised as JSON with Content-Type application/json. */
  body?: unknown
  /** Sent as is (with `contentType`, default application/json). */
  raw?: string
  contentType?: string
  headers?: Record<string, string>
  auth?: 'buyer' | 'staff' | 'owner' | 'none' | string
  /** A fresh Idempotency-Key is added to POST /api/orders unless this is false or a key is given. */
  key?: boolean
}

const line = (quantity: unknown, skuId: unknown = 'pencil-set-std') => ({ skuId, quantity })
const order = (overrides: Record<string, unknown> = {}) => ({
  lines: [line(1)],
  address: SAMPLE_ADDRESS,
  ...overrides,
})
const orders = (name: string, body: unknown, extra: Partial<MalformedRequest> = {}): MalformedRequest => ({
  name: `POST /api/orders: ${name}`,
  method: 'POST',
  path: '/api/orders',
  body,
  ...extra,
})
const big = 'x'.repeat(70 * 1024)
const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth)

export const MALFORMED_REQUESTS: MalformedRequest[] = [
  // Catalog and images (public).
  { name: 'products: page=0', method: 'GET', path: '/api/products?page=0', auth: 'none' },
  { name: 'products: pageSize=1000', method: 'GET', path: '/api/products?pageSize=1000', auth: 'none' },
  { name: 'products: page=abc', method: 'GET', path: '/api/products?page=abc', auth: 'none' },
  { name: 'products: page=-5', method: 'GET', path: '/api/products?page=-5', auth: 'none' },
  {
    name: 'products: categoryId with NUL',
    method: 'GET',
    path: '/api/products?categoryId=%00',
    auth: 'none',
  },
  { name: 'products: q too long', method: 'GET', path: `/api/products?q=${'q'.repeat(51)}`, auth: 'none' },
  // Regions (public): the checkout's province / city / district picker.
  { name: 'regions: parent of letters', method: 'GET', path: '/api/regions?parent=abc', auth: 'none' },
  { name: 'regions: parent of 3 digits', method: 'GET', path: '/api/regions?parent=330', auth: 'none' },
  { name: 'regions: unknown parent', method: 'GET', path: '/api/regions?parent=9999', auth: 'none' },
  { name: 'product: id with NUL', method: 'GET', path: '/api/products/mug%00', auth: 'none' },
  { name: 'product: unknown id', method: 'GET', path: '/api/products/no-such-product', auth: 'none' },
  { name: 'product: 300-char id', method: 'GET', path: `/api/products/${'p'.repeat(300)}`, auth: 'none' },
  {
    name: 'product: id of broken percent-encoding',
    method: 'GET',
    path: '/api/products/%E4%B8',
    auth: 'none',
  },
  { name: 'order: id of 300 digits', method: 'GET', path: `/api/orders/${'1'.repeat(300)}` },
  // Order counts (issue 13, me tab) take no input: only a buyer may ask.
  { name: 'order counts: logged out', method: 'GET', path: '/api/orders/counts', auth: 'none' },
  { name: 'image: path traversal', method: 'GET', path: '/images/..%2F..%2Fpackage.json', auth: 'none' },
  { name: 'image: unknown file', method: 'GET', path: '/images/nope.png', auth: 'none' },
  // Session.
  { name: 'login: bad JSON', method: 'POST', path: '/api/session', raw: '{"authCode":', auth: 'none' },
  { name: 'login: empty object', method: 'POST', path: '/api/session', body: {}, auth: 'none' },
  {
    name: 'login: authCode a number',
    method: 'POST',
    path: '/api/session',
    body: { authCode: 123 },
    auth: 'none',
  },
  {
    name: 'login: authCode empty',
    method: 'POST',
    path: '/api/session',
    body: { authCode: '' },
    auth: 'none',
  },
  {
    name: 'login: authCode with spaces',
    method: 'POST',
    path: '/api/session',
    body: { authCode: 'a b' },
    auth: 'none',
  },
  {
    name: 'login: authCode too long',
    method: 'POST',
    path: '/api/session',
    body: { authCode: 'a'.repeat(129) },
    auth: 'none',
  },
  {
    name: 'login: unknown authCode',
    method: 'POST',
    path: '/api/session',
    body: { authCode: 'never-issued-code' },
    auth: 'none',
  },
  {
    name: 'login: extra property',
    method: 'POST',
    path: '/api/session',
    body: { authCode: 'abc', admin: true },
    auth: 'none',
  },
  { name: 'login: JSON null', method: 'POST', path: '/api/session', raw: 'null', auth: 'none' },
  {
    name: 'login: text/plain',
    method: 'POST',
    path: '/api/session',
    raw: 'authCode=abc',
    contentType: 'text/plain',
    auth: 'none',
  },
  {
    name: 'login: oversized body',
    method: 'POST',
    path: '/api/session',
    body: { authCode: 'abc', pad: big },
    auth: 'none',
  },
  {
    name: 'login: __proto__ key',
    method: 'POST',
    path: '/api/session',
    raw: '{"authCode":"abc","__proto__":{"x":1}}',
    auth: 'none',
  },
  { name: 'me: no token', method: 'GET', path: '/api/me', auth: 'none' },
  { name: 'me: empty bearer', method: 'GET', path: '/api/me', auth: 'Bearer ' },
  { name: 'me: Basic auth', method: 'GET', path: '/api/me', auth: 'Basic dXNlcjpwYXNz' },
  {
    name: 'me: unknown token',
    method: 'GET',
    path: '/api/me',
    auth: 'Bearer 0123456789abcdef0123456789abcdef',
  },
  // Merchant (staff) login.
  {
    name: 'staff login: empty object',
    method: 'POST',
    path: '/api/merchant/session',
    body: {},
    auth: 'none',
  },
  {
    name: 'staff login: uppercase name',
    method: 'POST',
    path: '/api/merchant/session',
    body: { name: 'Alice', password: 'some password' },
    auth: 'none',
  },
  {
    name: 'staff login: password as a number',
    method: 'POST',
    path: '/api/merchant/session',
    body: { name: 'alice', password: 1234567890 },
    auth: 'none',
  },
  {
    name: 'staff login: unknown name',
    method: 'POST',
    path: '/api/merchant/session',
    body: { name: 'nobody', password: 'some password' },
    auth: 'none',
  },
  { name: "staff me: a buyer's token", method: 'GET', path: '/api/merchant/me' },
  { name: 'staff me: no token', method: 'GET', path: '/api/merchant/me', auth: 'none' },
  // Merchant orders: every route needs a staff token, checked before the query or body is read
  // (with a staff token, bad input is a 400: merchant-orders and merchant-shipping tests).
  { name: "merchant orders: a buyer's token", method: 'GET', path: '/api/merchant/orders' },
  {
    name: 'merchant orders: no token, bad status',
    method: 'GET',
    path: '/api/merchant/orders?status=lost&page=0',
    auth: 'none',
  },
  {
    name: "merchant order: a buyer's token on their own order",
    method: 'GET',
    path: '/api/merchant/orders/{open}',
  },
  {
    name: 'merchant order: unknown token',
    method: 'GET',
    path: '/api/merchant/orders/{foreign}',
    auth: 'Bearer 0123456789abcdef0123456789abcdef',
  },
  {
    name: "merchant shipment: a buyer's token",
    method: 'POST',
    path: '/api/merchant/orders/{open}/shipment',
    body: { carrier: '顺丰速运', trackingNo: 'SF1234567890' },
  },
  {
    name: 'merchant shipment: no token, bad JSON',
    method: 'POST',
    path: '/api/merchant/orders/{open}/shipment',
    raw: '{"carrier":',
    auth: 'none',
  },
  {
    name: 'merchant shipment: Basic auth, empty object',
    method: 'POST',
    path: '/api/merchant/orders/{closed}/shipment',
    body: {},
    auth: 'Basic dXNlcjpwYXNz',
  },
  // After-sales: the buyer's (their own orders and requests only) and the merchant's (staff token).
  {
    name: "order after-sales: another buyer's order",
    method: 'GET',
    path: '/api/orders/{foreign}/after-sales',
  },
  {
    name: 'after-sales request: quantity a string',
    method: 'POST',
    path: '/api/orders/{open}/after-sales',
    body: { kind: 'refund_only', lines: [{ lineNo: 1, quantity: '1' }], reason: 'other' },
  },
  {
    name: 'after-sales request: an unpaid order',
    method: 'POST',
    path: '/api/orders/{open}/after-sales',
    body: { kind: 'refund_only', lines: [{ lineNo: 1, quantity: 1 }], reason: 'other' },
  },
  {
    name: 'after-sales request: a client-sent amount for a closed order',
    method: 'POST',
    path: '/api/orders/{closed}/after-sales',
    body: { kind: 'refund_only', lines: [{ lineNo: 1, quantity: 1 }], reason: 'other', refundAmount: 1 },
  },
  { name: 'after-sales list: unknown status', method: 'GET', path: '/api/after-sales?status=lost' },
  { name: 'after-sales: id not a number', method: 'GET', path: '/api/after-sales/abc' },
  {
    name: 'after-sales return parcel: empty object',
    method: 'POST',
    path: '/api/after-sales/1/return-shipment',
    body: {},
  },
  { name: 'after-sales cancel: id 0', method: 'POST', path: '/api/after-sales/0/cancel' },
  { name: "merchant after-sales: a buyer's token", method: 'GET', path: '/api/merchant/after-sales' },
  {
    name: 'merchant after-sales request: no token',
    method: 'GET',
    path: '/api/merchant/after-sales/1',
    auth: 'none',
  },
  {
    name: "merchant after-sales approve: a buyer's token",
    method: 'POST',
    path: '/api/merchant/after-sales/1/approve',
  },
  {
    name: 'merchant after-sales reject: no token, bad JSON',
    method: 'POST',
    path: '/api/merchant/after-sales/1/reject',
    raw: '{"reason":',
    auth: 'none',
  },
  {
    name: 'merchant after-sales return received: Basic auth',
    method: 'POST',
    path: '/api/merchant/after-sales/1/return-received',
    auth: 'Basic dXNlcjpwYXNz',
  },
  {
    name: "merchant after-sales refund: a buyer's token",
    method: 'POST',
    path: '/api/merchant/after-sales/1/refund',
  },
  // The console's cookie session and order tools (console-session.test.ts, console-orders-*.test.ts).
  {
    name: 'console login: bad JSON',
    method: 'POST',
    path: '/api/merchant/console/session',
    auth: 'none',
    raw: '{"name":',
  },
  { name: 'console session: no cookie', method: 'GET', path: '/api/merchant/console/session', auth: 'none' },
  {
    name: "order history: a buyer's token",
    method: 'GET',
    path: '/api/merchant/orders/20240101000001/history',
  },
  {
    name: 'live Alipay trade: a malformed order number',
    method: 'GET',
    path: '/api/merchant/orders/not-a-number/alipay-trade',
  },
  {
    name: "staff cancel: a buyer's token",
    method: 'POST',
    path: '/api/merchant/orders/20240101000001/cancel',
  },
  // The console's dashboard, staff accounts and audit log (owners'; with a staff token: console-*.test.ts).
  { name: "merchant dashboard: a buyer's token", method: 'GET', path: '/api/merchant/dashboard' },
  { name: 'staff accounts: no token', method: 'GET', path: '/api/merchant/staff', auth: 'none' },
  {
    name: 'staff add: bad JSON',
    method: 'POST',
    path: '/api/merchant/staff',
    raw: '{"name":',
    auth: 'owner',
  },
  {
    name: 'staff disable: Basic auth',
    method: 'POST',
    path: '/api/merchant/staff/alice/disable',
    auth: 'Basic dXNlcjpwYXNz',
  },
  { name: "staff enable: a buyer's token", method: 'POST', path: '/api/merchant/staff/alice/enable' },
  {
    name: 'staff password: empty object',
    method: 'PUT',
    path: '/api/merchant/staff/alice/password',
    body: {},
    auth: 'owner',
  },
  { name: "audit log: a buyer's token, bad action", method: 'GET', path: '/api/merchant/audit?action=a%25' },
  // The console's catalog: with a staff or owner token, so the body is read and refused.
  { name: "merchant products: a buyer's token", method: 'GET', path: '/api/merchant/products' },
  {
    name: 'merchant product: no token, malformed id',
    method: 'GET',
    path: '/api/merchant/products/..%2Fx',
    auth: 'none',
  },
  {
    name: 'merchant product create: only a price',
    method: 'POST',
    path: '/api/merchant/products',
    body: { price: 1 },
    auth: 'owner',
  },
  {
    name: 'merchant product edit: bad JSON',
    method: 'PATCH',
    path: '/api/merchant/products/mug-ceramic',
    raw: '{"active":',
    auth: 'staff',
  },
  {
    name: 'merchant SKU price: 0 fen',
    method: 'PUT',
    path: '/api/merchant/skus/mug-ceramic-white/price',
    body: { price: 0 },
    auth: 'owner',
  },
  {
    name: 'merchant stock adjustment: below zero',
    method: 'POST',
    path: '/api/merchant/skus/pencil-set-std/stock-adjustments',
    body: { delta: -100000, reason: 'gone' },
    auth: 'staff',
  },
  {
    name: 'merchant image upload: a script sent as image/png',
    method: 'POST',
    path: '/api/merchant/images',
    raw: '<svg onload="alert(1)"/>',
    contentType: 'image/png',
    auth: 'staff',
  },
  // Address.
  { name: 'address GET: no token', method: 'GET', path: '/api/address', auth: 'none' },
  { name: 'address PUT: no token', method: 'PUT', path: '/api/address', body: SAMPLE_ADDRESS, auth: 'none' },
  { name: 'address PUT: empty object', method: 'PUT', path: '/api/address', body: {} },
  {
    name: 'address PUT: phone a number',
    method: 'PUT',
    path: '/api/address',
    body: { ...SAMPLE_ADDRESS, phone: 13800138000 },
  },
  { name: 'address PUT: bad JSON', method: 'PUT', path: '/api/address', raw: '{"name":"x",' },
  { name: 'address PUT: an array', method: 'PUT', path: '/api/address', body: [SAMPLE_ADDRESS] },
  // Orders.
  orders('no Idempotency-Key', order(), { key: false }),
  orders('Idempotency-Key too short', order(), { headers: { 'idempotency-key': 'short' } }),
  orders('Idempotency-Key with spaces', order(), { headers: { 'idempotency-key': 'has spaces in it!' } }),
  orders('Idempotency-Key reused for another body', order({ lines: [line(2)] }), {
    headers: { 'idempotency-key': '{key}' },
  }),
  orders('no token', order(), { auth: 'none' }),
  orders('bad JSON', undefined, { raw: '{"lines":[' }),
  orders('empty body', undefined, { raw: '' }),
  orders('quantity -1', order({ lines: [line(-1)] })),
  orders('quantity 0', order({ lines: [line(0)] })),
  orders('quantity 1e9', order({ lines: [line(1e9)] })),
  orders('quantity 2^53', order({ lines: [line(2 ** 53)] })),
  orders('quantity 1e400', undefined, {
    raw: `{"lines":[{"skuId":"pencil-set-std","quantity":1e400}],"address":${JSON.stringify(SAMPLE_ADDRESS)}}`,
  }),
  orders('quantity "2"', order({ lines: [line('2')] })),
  orders('quantity 1.5', order({ lines: [line(1.5)] })),
  orders('quantity more than in stock', order({ lines: [line(99, 'keyboard-compact-std')] })),
  orders('unknown SKU', order({ lines: [line(1, 'no-such-sku')] })),
  orders('SKU id an object', order({ lines: [line(1, { $ne: null })] })),
  orders('no lines', order({ lines: [] })),
  orders('51 lines', order({ lines: Array.from({ length: 51 }, () => line(1)) })),
  orders('no address', { lines: [line(1)] }),
  orders('address with NUL', order({ address: { ...SAMPLE_ADDRESS, detail: 'Room\u0000 1' } })),
  orders('oversized body', order({ pad: big })),
  orders('XML', undefined, { raw: '<order/>', contentType: 'application/xml' }),
  orders('form-encoded', undefined, { raw: 'lines=1', contentType: 'application/x-www-form-urlencoded' }),
  orders('JSON nested 100000 deep', undefined, { raw: deep(100_000) }),
  orders('constructor.prototype key', undefined, { raw: '{"lines":[],"constructor":{"prototype":{"x":1}}}' }),
  { name: 'orders list: page=0', method: 'GET', path: '/api/orders?page=0' },
  { name: 'orders list: pageSize=51', method: 'GET', path: '/api/orders?pageSize=51' },
  { name: 'orders list: page=1e3', method: 'GET', path: '/api/orders?page=1e3' },
  { name: 'orders list: status=refunded', method: 'GET', path: '/api/orders?status=refunded' },
  { name: 'orders list: no token', method: 'GET', path: '/api/orders', auth: 'none' },
  { name: 'order: id abc', method: 'GET', path: '/api/orders/abc' },
  { name: 'order: id of 33 digits', method: 'GET', path: `/api/orders/${'9'.repeat(33)}` },
  { name: 'order: id with encoded slash', method: 'GET', path: '/api/orders/2024%2F..%2F1' },
  { name: 'order: unknown', method: 'GET', path: '/api/orders/20200101000000000000' },
  { name: 'order: another buyer’s', method: 'GET', path: '/api/orders/{foreign}' },
  { name: 'cancel: id abc', method: 'POST', path: '/api/orders/abc/cancel' },
  { name: 'cancel: unknown', method: 'POST', path: '/api/orders/20200101000000000000/cancel' },
  { name: 'cancel: already cancelled', method: 'POST', path: '/api/orders/{closed}/cancel' },
  { name: 'cancel: another buyer’s', method: 'POST', path: '/api/orders/{foreign}/cancel' },
  { name: 'cancel: bad JSON body', method: 'POST', path: '/api/orders/{open}/cancel', raw: '{' },
  { name: 'receipt: id abc', method: 'POST', path: '/api/orders/abc/receipt' },
  { name: 'receipt: unpaid order', method: 'POST', path: '/api/orders/{open}/receipt' },
  { name: 'receipt: another buyer’s', method: 'POST', path: '/api/orders/{foreign}/receipt' },
  { name: 'receipt: no token', method: 'POST', path: '/api/orders/{open}/receipt', auth: 'none' },
  // Payments.
  { name: 'payment: id abc', method: 'POST', path: '/api/orders/abc/payment' },
  { name: 'payment: unknown order', method: 'POST', path: '/api/orders/20200101000000000000/payment' },
  { name: 'payment: cancelled order', method: 'POST', path: '/api/orders/{closed}/payment' },
  { name: 'payment: another buyer’s order', method: 'POST', path: '/api/orders/{foreign}/payment' },
  { name: 'payment: no token', method: 'POST', path: '/api/orders/{open}/payment', auth: 'none' },
  { name: 'web-view ticket: cancelled order', method: 'POST', path: '/api/orders/{closed}/webview-ticket' },
  { name: 'deposit items: no token', method: 'GET', path: '/api/deposit-items', auth: 'none' },
  { name: 'deposit: empty object', method: 'POST', path: '/api/deposits', body: {} },
  { name: 'deposit: unknown item', method: 'POST', path: '/api/deposits', body: { itemId: 'yacht' } },
  { name: 'deposit: itemId a number', method: 'POST', path: '/api/deposits', body: { itemId: 7 } },
  { name: 'deposit: id abc', method: 'GET', path: '/api/deposits/abc' },
  { name: 'deposit: unknown id', method: 'GET', path: '/api/deposits/D20200101000000000000' },
  // The end of a rental (merchant API): a staff token is checked before the id or the body.
  {
    name: "merchant deposit: a buyer's token",
    method: 'GET',
    path: '/api/merchant/deposits/D20200101000000000000',
  },
  {
    name: 'merchant deposit return: no token',
    method: 'POST',
    path: '/api/merchant/deposits/D20200101000000000000/return',
    auth: 'none',
  },
  {
    name: "merchant deposit charge: a buyer's token, amount a string",
    method: 'POST',
    path: '/api/merchant/deposits/abc/charge',
    body: { amount: '100' },
  },
  { name: 'web-view page: no query', method: 'GET', path: '/webview/checkout', auth: 'none' },
  {
    name: 'web-view payment: empty object',
    method: 'POST',
    path: '/webview/api/payment',
    body: {},
    auth: 'none',
  },
  {
    name: 'web-view payment: forged ticket',
    method: 'POST',
    path: '/webview/api/payment',
    body: { orderId: '{open}', ticket: 'forged-ticket-0000' },
    auth: 'none',
  },
  // Routes and methods that do not exist.
  { name: 'unknown route', method: 'GET', path: '/api/nope' },
  { name: 'DELETE /api/orders', method: 'DELETE', path: '/api/orders' },
  { name: 'PATCH /api/address', method: 'PATCH', path: '/api/address', body: SAMPLE_ADDRESS },
  // The simulator's JSON routes (development only).
  {
    name: 'simulator auth code: bad buyer key',
    method: 'POST',
    path: '/alipay-sim/auth-codes',
    body: { buyer: 'no spaces!' },
    auth: 'none',
  },
  {
    name: 'simulator control: unknown mode',
    method: 'POST',
    path: '/alipay-sim/control',
    body: { notifies: 'sometimes' },
    auth: 'none',
  },
  {
    name: 'simulator cashier: empty object',
    method: 'POST',
    path: '/alipay-sim/cashier/pay',
    body: {},
    auth: 'none',
  },
  {
    name: 'simulator cashier: unknown outcome',
    method: 'POST',
    path: '/alipay-sim/cashier/pay',
    body: { tradeNO: '1', outcome: 'steal' },
    auth: 'none',
  },
  {
    name: 'simulator subscriptions: no template ids',
    method: 'POST',
    path: '/alipay-sim/subscriptions',
    body: { buyer: 'buyer-1' },
    auth: 'none',
  },
  {
    name: 'simulator subscriptions: a buyer key with spaces',
    method: 'GET',
    path: '/alipay-sim/subscriptions?buyer=a%20b',
    auth: 'none',
  },
  {
    name: 'simulator messages: a buyer key with spaces',
    method: 'GET',
    path: '/alipay-sim/messages?buyer=a%20b',
    auth: 'none',
  },
  {
    name: 'simulator order center: an out_biz_no with a space',
    method: 'GET',
    path: '/alipay-sim/order-center/a%20b',
    auth: 'none',
  },
  {
    name: 'simulator trades: outTradeNo with a space',
    method: 'GET',
    path: '/alipay-sim/trades?outTradeNo=a%20b',
    auth: 'none',
  },
]

/**
 * Routes with no malformed request in the corpus, and why. Every other route the server has must
 * appear in MALFORMED_REQUESTS (checked against the running server's route table).
 */
export const NOT_IN_CORPUS: Record<string, string> = {
  'GET /': 'the home page: takes no input',
  'GET /docs*': 'API documentation pages',
  'GET /openapi.json': 'takes no input',
  'GET /healthz': 'takes no input',
  'GET /api/categories': 'takes no input (unknown query parameters are ignored)',
  'GET /api/messages/templates': 'takes no input',
  'DELETE /api/session': 'idempotent by design: any token, or none, is 204',
  'DELETE /api/merchant/session': 'idempotent by design: any token, or none, is 204',
  'DELETE /api/merchant/console/session':
    'idempotent without a cookie (204); with one it needs the CSRF token',
  'POST /api/alipay/notify': "answers in Alipay's protocol (text success/fail): faults-notify.test.ts",
  'POST /alipay-sim/gateway.do': "answers in Alipay's protocol (signed JSON, errors as 200)",
  'GET /alipay-sim/buyers': 'takes no input',
  'GET /alipay-sim/cashier': 'an HTML page (its errors are pages)',
  'GET /alipay-sim/bill': 'an HTML page that takes no input',
  'POST /alipay-sim/cashier': 'an HTML form post (its errors are pages)',
  'GET /admin': "the console's build, as static files: console-static.test.ts",
  'GET /admin*': "the console's build, as static files: console-static.test.ts",
}

/** Requests Node's HTTP parser itself refuses (sent over a raw socket): the same error shape. */
export const MALFORMED_HTTP: Array<[string, string]> = [
  ['a garbage request line', 'HELLO WORLD\r\n\r\n'],
  ['a header line without a colon', 'GET /api/products HTTP/1.1\r\nHost: x\r\nnot a header\r\n\r\n'],
  ['a negative Content-Length', 'POST /api/session HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n'],
  [
    'Content-Length and Transfer-Encoding together',
    'POST /api/session HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
  ],
  [
    'a bad chunk size',
    'POST /api/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n',
  ],
  ['raw non-ASCII bytes in the path', 'GET /api/products/\u00e4\u00f6 HTTP/1.1\r\nHost: x\r\n\r\n'],
  ['a 40 KB header', `GET /api/products HTTP/1.1\r\nHost: x\r\nX-Pad: ${'p'.repeat(40 * 1024)}\r\n\r\n`],
]
