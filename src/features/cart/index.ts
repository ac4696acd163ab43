export { useCartStore, CART_STORAGE_KEY, CART_VERSION, type NewCartLine } from './store'
export {
  summarize,
  lineTotal,
  clampQuantity,
  lineQuantityMax,
  exceedsOrderLines,
  type CartLine,
  type CartSummary,
} from './cart-math'
export { startCartBadgeSync, syncCartBadge, CART_TAB_INDEX } from './badge'
export { CartView } from './components/CartView'
export { addSkuToCart, showStockLimit } from './add-sku'
