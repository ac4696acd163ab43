import { create } from 'zustand'
import { clampQuantity, sanitizeLines, type CartLine } from './cart-math'
import { persisted } from '../../shared/storage'

export const CART_STORAGE_KEY = 'shop.cart'
/** Bump when CartLine changes shape, and teach `migrateCart` the old shape. */
export const CART_VERSION = 1

export type NewCartLine = Omit<CartLine, 'quantity' | 'selected'>

interface CartState {
  lines: CartLine[]
  /**
   * Adds to the line of that SKU (or creates it), within stock. Returns how many were actually
   * added: 0 when the line was already at its limit or the SKU is out of stock.
   */
  add: (item: NewCartLine, quantity: number) => number
  setQuantity: (skuId: string, quantity: number) => void
  remove: (skuIds: readonly string[]) => void
  toggle: (skuId: string) => void
  selectAll: (selected: boolean) => void
  clear: () => void
}

type PersistedCart = Pick<CartState, 'lines'>

/**
 * Stored data from another version (older, or newer after a rollback of the mini-program): keep
 * every line that still has the current shape, drop the rest. When CartLine changes shape, convert
 * the old shape here, keyed on `version`.
 */
export function migrateCart(stored: unknown, _version: number): PersistedCart {
  const state = (stored ?? {}) as Record<string, unknown>
  return { lines: sanitizeLines(state.lines) }
}

const updateLine = (lines: CartLine[], skuId: string, change: (line: CartLine) => CartLine) =>
  lines.map((line) => (line.skuId === skuId ? change(line) : line))

export const useCartStore = create<CartState>()(
  persisted(
    (set, get) => ({
      lines: [],
      add(item, quantity) {
        if (item.stock < 1) return 0
        const existing = get().lines.find((line) => line.skuId === item.skuId)
        const before = existing?.quantity ?? 0
        // At least one unit: a zero, negative or NaN amount still means "add this".
        const units = Number.isNaN(quantity) ? 1 : Math.max(1, Math.floor(quantity))
        const wanted = before + units
        const next: CartLine = { ...item, quantity: clampQuantity(wanted, item.stock), selected: true }
        set((state) => ({
          lines: existing ? updateLine(state.lines, item.skuId, () => next) : [next, ...state.lines],
        }))
        return next.quantity - before
      },
      setQuantity(skuId, quantity) {
        set((state) => ({
          lines: updateLine(state.lines, skuId, (line) => ({
            ...line,
            quantity: clampQuantity(quantity, line.stock),
          })),
        }))
      },
      remove(skuIds) {
        const gone = new Set(skuIds)
        set((state) => ({ lines: state.lines.filter((line) => !gone.has(line.skuId)) }))
      },
      toggle(skuId) {
        set((state) => ({
          lines: updateLine(state.lines, skuId, (line) => ({ ...line, selected: !line.selected })),
        }))
      },
      selectAll(selected) {
        set((state) => ({ lines: state.lines.map((line) => ({ ...line, selected })) }))
      },
      clear() {
        set({ lines: [] })
      },
    }),
    {
      name: CART_STORAGE_KEY,
      version: CART_VERSION,
      partialize: (state) => ({ lines: state.lines }),
      // Any version: keep only lines that are well-formed.
      restore: (stored, version) => migrateCart(stored, Number(version)),
    },
  ),
)
