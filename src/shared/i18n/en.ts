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

  'home.searchPlaceholder': 'Search products',
  'home.allCategories': 'All',
  'home.noProducts': 'No products found',
  'home.soldOut': 'Sold out',

  'product.selectOptions': 'Choose {names}',
  'product.selected': 'Selected: {values}',
  'product.quantity': 'Quantity',
  'product.stock': '{count} in stock',
  'product.addToCart': 'Add to cart',
  'product.added': 'Added to cart',
  'product.soldOut': 'Sold out',

  'cart.title': 'Cart',
  'cart.empty': 'Your cart is empty',
  'cart.goShopping': 'Start shopping',
  'cart.selectAll': 'All',
  'cart.total': 'Total: ',
  'cart.selectedCount': '{count} selected',
  'cart.remove': 'Remove',
  'cart.maxStock': 'At most {count} available',
  'cart.checkoutHint': 'Checkout and payment: see the "Me" tab',

  'me.title': 'Me',
  'me.language': 'Language',
  'me.server': 'Server',
  'me.notLoggedIn': 'Not logged in',
  'me.ordersSoon': 'Login and orders are added by the next module',

  'config.missingApi':
    'TARO_APP_API_BASE_URL is not set: put your API address in .env.development / .env.production, e.g. http://localhost:3000',
  'config.insecureApi':
    'Release builds need an HTTPS API domain whitelisted in the mini-program console: {value}',
  'config.badApi': 'TARO_APP_API_BASE_URL is not a valid http(s) URL: {value}',
}
