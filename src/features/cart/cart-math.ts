import { QUANTITY_PER_LINE_MAX } from '@contract/limits'
import { multiplyFen, sumFen, type Fen } from '../../shared/money'

/** One SKU in the cart, with what the cart screen shows of it when it was added. */
export interface CartLine {
  skuId: string
  productId: string
  title: string
  image: string
  /** e.g. "Red / M"; empty for single-SKU products. */
  skuLabel: string
  /** Unit price in fen when added. The server prices the order again at checkout. */
  price: Fen
  /** Stock when last seen; quantities are kept within it. */
  stock: number
  quantity: number
  selected: boolean
}

/** The most units a line may hold: its stock, within the API's per-line cap. */
export const lineQuantityMax = (stock: number): number => Math.min(stock, QUANTITY_PER_LINE_MAX)

/**
 * A quantity the line may hold: at least 1, at most the stock and the per-line cap. An ask beyond
 * either bound gets that bound (+Infinity: as many as allowed); NaN asks for nothing, so gets 1.
 */
export function clampQuantity(quantity: number, stock: number): number {
  if (Number.isNaN(quantity)) return 1
  return Math.max(1, Math.min(Math.floor(quantity), lineQuantityMax(stock)))
}

export function lineTotal(line: CartLine): Fen {
  return multiplyFen(line.price, line.quantity)
}

export interface CartSummary {
  /** Sum of quantities of all lines: the tab badge. */
  itemCount: number
  selectedCount: number
  /** Selected lines (SKUs), which one order limits to ORDER_LINES_MAX. */
  selectedLineCount: number
  selectedTotal: Fen
  allSelected: boolean
}

export function summarize(lines: readonly CartLine[]): CartSummary {
  const selected = lines.filter((line) => line.selected)
  return {
    itemCount: lines.reduce((count, line) => count + line.quantity, 0),
    selectedCount: selected.reduce((count, line) => count + line.quantity, 0),
    selectedLineCount: selected.length,
    selectedTotal: sumFen(selected.map(lineTotal)),
    allSelected: lines.length > 0 && selected.length === lines.length,
  }
}

const isText = (value: unknown): value is string => typeof value === 'string'
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0

/** Keeps only well-formed lines from stored data; whatever cannot be trusted is dropped. */
export function sanitizeLines(raw: unknown): CartLine[] {
  if (!Array.isArray(raw)) return []
  const seen = new Set<string>()
  const lines: CartLine[] = []
  for (const item of raw) {
    if (!item || typeof item !== 'object') continue
    const line = item as Record<string, unknown>
    const { skuId, productId, title, image, skuLabel, price, stock, quantity } = line
    if (!isText(skuId) || !skuId || seen.has(skuId) || !isText(productId) || !isText(title)) continue
    if (!isCount(price) || !isCount(stock) || !isCount(quantity) || quantity < 1 || stock < 1) continue
    seen.add(skuId)
    lines.push({
      skuId,
      productId,
      title,
      image: isText(image) ? image : '',
      skuLabel: isText(skuLabel) ? skuLabel : '',
      price,
      stock,
      quantity: clampQuantity(quantity, stock),
      selected: line.selected !== false,
    })
  }
  return lines
}
