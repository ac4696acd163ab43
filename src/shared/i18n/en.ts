import type { Messages } from './zh-CN'

export const en: Messages = {
  'tab.home': 'Home',
  'tab.cart': 'Cart',
  'tab.me': 'Me',

  'state.loading': 'Loading…',
  'state.empty': 'Nothing here yet',
  'state.retry': 'Retry',
  'state.noMore': 'No more items',

  'error.network': 'No connection. Check your network and retry.',
  'error.timeout': 'The request timed out. Please retry.',
  'error.server': 'The service is unavailable right now. Please retry later.',
  'error.client': 'Request refused: {message}',
  'error.notFound': 'This no longer exists or was removed.',
  'error.badResponse': 'The server sent data the app cannot read.',
  'error.config': 'The app is misconfigured: {message}',
  'problem.rate_limited': 'Too many attempts in a short time. Please wait a minute and try again.',
  'problem.unpaid_orders_limit':
    'You have the most unpaid orders allowed. Pay or cancel one of them, then place a new order.',
  'problem.unpaid_units_limit':
    'Your unpaid orders already hold the most of this item allowed. Pay or cancel an unpaid order, or order fewer.',

  'home.searchPlaceholder': 'Search products',
  'home.allCategories': 'All',
  'home.noProducts': 'No products found',
  'home.soldOut': 'Sold out',

  'cart.title': 'Cart',
  'cart.empty': 'Your cart is empty',
  'cart.goShopping': 'Start shopping',
  'cart.selectAll': 'All',
  'cart.total': 'Total: ',
  'cart.selectedCount': '{count} selected',
  'cart.remove': 'Remove',
  'cart.maxStock': 'At most {count} available',
  'cart.tooManyLines':
    'One order holds at most {max} different items and {count} are selected: deselect some to check out',

  'me.title': 'Me',
  'me.language': 'Language',
  'me.server': 'Server',
  'me.notLoggedIn': 'Not logged in',

  'cart.checkout': 'Checkout',
  'orders.tab.awaiting_payment': 'To pay',
  'orders.tab.paid': 'To ship',
  'orders.tab.shipped': 'Shipped',
  'orders.tab.completed': 'Completed',
  'orders.tab.afterSales': 'After-sales',
  'me.login': 'Log in with Alipay',
  'me.logout': 'Log out',
  'me.loggedInAs': 'Alipay account {id}',
  'me.orders': 'My orders',
  'me.viewAll': 'All orders',
  'me.loginFailed': 'Login failed: {message}',
  'session.alipayOnly': 'this server has no Alipay simulator, so logging in works inside Alipay only.',
  'me.faq': 'Payment FAQ',
  'config.missingApi':
    'TARO_APP_API_BASE_URL is not set: put your API address in .env.development / .env.production, e.g. http://localhost:3000',
  'config.insecureApi':
    'Release builds need an HTTPS API domain whitelisted in the mini-program console: {value}',
  'config.badApi': 'TARO_APP_API_BASE_URL is not a valid http(s) URL: {value}',
  // issue 13, home/nav: empty and no-result states
  'home.noResults': 'Nothing found for “{q}”',
  'home.clearSearch': 'Clear search',
}
