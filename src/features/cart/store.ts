import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { clampQuantity, sanitizeLines, type CartLine } from './cart-math'
import { taroStorage } from './persist'

export const CART_STORAGE_KEY = 'shop.cart'
/** Bump when CartLine changes shape, and teach `migrateCart` the old shape. */
export const CART_VERSION = 2

export type NewCartLine = Omit<CartLine, 'quantity' | 'selected'>

interface CartState {
  lines: CartLine[]
  /** Adds to the line of that SKU (or creates it); returns the quantity actually in the cart. */
  add: (item: NewCartLine, quantity: number) => number
  setQuantity: (skuId: string, quantity: number) => void
  remove: (skuIds: readonly string[]) => void
  toggle: (skuId: string) => void
  selectAll: (selected: boolean) => void
  clear: () => void
}

type PersistedCart = Pick<CartState, 'lines'>

/**
 * Version 1 stored `{ items: [{ sku, name, unitPrice, count, ... }] }`.
 * Anything else unknown starts an empty cart rather than guessing.
 */
export function migrateCart(persisted: unknown, version: number): PersistedCart {
  const state = (persisted ?? {}) as Record<string, unknown>
  if (version === 1 && Array.isArray(state.items)) {
    const lines = state.items.map((value: unknown) => {
      const item = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>
      return {
        skuId: item.sku,
        productId: item.productId,
        title: item.name,
        image: item.image,
        skuLabel: item.skuLabel,
        price: item.unitPrice,
        stock: item.stock,
        quantity: item.count,
        selected: item.checked,
      }
    })
    return { lines: sanitizeLines(lines) }
  }
  return { lines: [] }
}

const updateLine = (lines: CartLine[], skuId: string, change: (line: CartLine) => CartLine) =>
  lines.map((line) => (line.skuId === skuId ? change(line) : line))

export const useCartStore = create<CartState>()(
  persist(
    (set, get) => ({
      lines: [],
      add(item, quantity) {
        const existing = get().lines.find((line) => line.skuId === item.skuId)
        const wanted = (existing?.quantity ?? 0) + Math.max(1, Math.floor(quantity))
        const next: CartLine = { ...item, quantity: clampQuantity(wanted, item.stock), selected: true }
        set((state) => ({
          lines: existing ? updateLine(state.lines, item.skuId, () => next) : [next, ...state.lines],
        }))
        return next.quantity
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
      storage: taroStorage<PersistedCart>(),
      partialize: (state) => ({ lines: state.lines }),
      migrate: migrateCart,
      // Stored data is untrusted input: keep only lines that are well-formed.
      merge: (persisted, current) => ({
        ...current,
        lines: sanitizeLines((persisted as PersistedCart | undefined)?.lines),
      }),
    },
  ),
)
