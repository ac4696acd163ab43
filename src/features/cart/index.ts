export { useCartStore, CART_STORAGE_KEY, CART_VERSION, type NewCartLine } from './store'
export {
  summarize,
  lineTotal,
  clampQuantity,
  lineQuantityMax,
  type CartLine,
  type CartSummary,
} from './cart-math'
export { orderLinesProblem } from './order-lines'
export { startCartBadgeSync, syncCartBadge, CART_TAB_INDEX } from './badge'
export { CartView } from './components/CartView'
export { addSkuToCart, showStockLimit } from './add-sku'
