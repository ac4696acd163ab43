import Taro from '@tarojs/taro'
import { tabIndex } from '../../shared/routes'
import { summarize } from './cart-math'
import { useCartStore } from './store'

/** The cart's position in the tab bar, which badge calls address. */
export const CART_TAB_INDEX = tabIndex('cart')

export function badgeText(itemCount: number): string | null {
  if (itemCount <= 0) return null
  return itemCount > 99 ? '99+' : String(itemCount)
}

/**
 * Shows the cart's item count on its tab. Platforms refuse badge calls from pages that are not
 * tab pages (WeChat) or before the tab bar exists, so failures are ignored here and the tab
 * pages call this again whenever they show.
 */
export function syncCartBadge(itemCount = summarize(useCartStore.getState().lines).itemCount): void {
  const text = badgeText(itemCount)
  const call = text
    ? Taro.setTabBarBadge({ index: CART_TAB_INDEX, text })
    : Taro.removeTabBarBadge({ index: CART_TAB_INDEX })
  Promise.resolve(call).catch(() => undefined)
}

let unsubscribe: (() => void) | undefined

/** Keeps the badge in step with every cart change. Idempotent. */
export function startCartBadgeSync(): void {
  if (unsubscribe) return
  let shown = -1
  const update = (count: number) => {
    if (count === shown) return
    shown = count
    syncCartBadge(count)
  }
  update(summarize(useCartStore.getState().lines).itemCount)
  unsubscribe = useCartStore.subscribe((state) => update(summarize(state.lines).itemCount))
}
