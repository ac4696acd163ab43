import type { ProductDetail } from '@contract'
import { QUANTITY_PER_LINE_MAX } from '@contract/limits'
import { RequestError } from '../../shared/request'
import type { CartLine } from '../cart'
import { fetchProduct, skuLabel } from '../catalog'

/** What the product page's 立即购买 passes: `pageUrl('checkout', { skuId, quantity })`. */
export interface BuyNowQuery {
  skuId: string
  quantity: number
  /** Optional: saves looking the product up by the SKU id. */
  productId?: string
}

/** The buy-now query of a checkout URL, or undefined for a checkout of the cart's selected lines. */
export function buyNowQuery(params: Record<string, string | undefined>): BuyNowQuery | undefined {
  const { skuId, quantity, productId } = params
  if (!skuId) return undefined
  const count = Number(quantity)
  return {
    skuId: decodeURIComponent(skuId),
    quantity: Number.isSafeInteger(count) && count >= 1 ? Math.min(count, QUANTITY_PER_LINE_MAX) : 1,
    productId: productId ? decodeURIComponent(productId) : undefined,
  }
}

/**
 * The products that may own a SKU: the reference server names SKUs `<productId>-<option keys>`
 * (server/catalog/seed.ts), so each shorter prefix ending before a '-' is a candidate, longest first.
 */
export function productIdCandidates(skuId: string): string[] {
  const candidates: string[] = []
  for (let end = skuId.lastIndexOf('-'); end > 0; end = skuId.lastIndexOf('-', end - 1)) {
    candidates.push(skuId.slice(0, end))
  }
  return candidates
}

const toLine = (product: ProductDetail, query: BuyNowQuery): CartLine | undefined => {
  const sku = product.skus.find((candidate) => candidate.id === query.skuId)
  if (!sku) return undefined
  return {
    skuId: sku.id,
    productId: product.id,
    title: product.title,
    image: product.image,
    skuLabel: skuLabel(sku),
    price: sku.price,
    stock: sku.stock,
    quantity: query.quantity,
    selected: true,
  }
}

/** The one line a buy-now checkout orders, read from the catalog; the cart is never read. */
export async function fetchBuyNowLine(query: BuyNowQuery): Promise<CartLine> {
  const ids = query.productId ? [query.productId] : productIdCandidates(query.skuId)
  for (const id of ids) {
    let product: ProductDetail
    try {
      product = await fetchProduct(id)
    } catch (error) {
      if (error instanceof RequestError && error.status === 404) continue
      throw error
    }
    const line = toLine(product, query)
    if (line) return line
  }
  // As the API would answer for a product that is gone: the screen says "not found".
  throw new RequestError({ kind: 'client', status: 404, code: 'not_found', message: `No SKU ${query.skuId}` })
}
