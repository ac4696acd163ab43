/**
 * How many bytes the compiled Alipay bundle sends to the view with `setData` (what a phone pays
 * for in the bridge between logic and render threads), measured with the mini-program runtime
 * against the real server: the home page's first render with 20 products, +1 on one line of a
 * 50-line cart, and choosing a SKU. Used by scripts/bench/setdata.ts and its budget test.
 */
import type { ProductDetail, ProductPage } from '@contract'
import type { CartLine } from '../../src/features/cart/cart-math'
import { skuLabel } from '../../src/features/catalog/sku'
import { pageUrl, ROUTES } from '../../src/shared/routes'
import { launch, MiniStorage } from './mini-runtime'
import { text } from './texts'

/**
 * Where and how the cart persists itself (src/features/cart/store.ts; importing it would pull in
 * @tarojs/taro). If they change, the cart page shows no 50 lines and the measurement says so.
 */
const CART_STORAGE_KEY = 'shop.cart'
const CART_VERSION = 1

/** Bytes a small interaction may send. */
export const INTERACTION_BUDGET_BYTES = 600

export interface SetDataRow {
  name: string
  bytes: number
  calls: number
  /** Bytes allowed, or why there is no number (a first render is the reference, not a budget). */
  budget: number | string
  /** The first render of the same page, to compare with (a small change must not re-send it). */
  firstRenderBytes?: number
  /** The setData keys sent, e.g. `root.cn.[0].cn.[2].v`. */
  keys: string[]
}

const getJson = async <T>(url: string): Promise<T> => {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`GET ${url} → ${response.status}`)
  return (await response.json()) as T
}

async function homeFirstRender(baseUrl: string): Promise<SetDataRow> {
  const { items } = await getJson<ProductPage>(`${baseUrl}/api/products?page=1&pageSize=20`)
  if (items.length !== 20) throw new Error(`The catalogue has ${items.length} products, not 20`)
  const app = await launch({ baseUrl })
  try {
    const home = await app.waitForPage(ROUTES.home)
    await home.waitFor(() => items.every((item) => home.hasText(item.title)), 'the 20 products')
    return { name: 'home: first render, 20 products', budget: 'reference', ...home.sentSince(0) }
  } finally {
    app.close()
  }
}

/** 50 distinct SKUs from the catalogue, as cart lines (what adding them one by one would store). */
async function fiftyCartLines(baseUrl: string): Promise<CartLine[]> {
  const { items } = await getJson<ProductPage>(`${baseUrl}/api/products?page=1&pageSize=50`)
  const lines: CartLine[] = []
  for (const summary of items) {
    const product = await getJson<ProductDetail>(`${baseUrl}/api/products/${summary.id}`)
    for (const sku of product.skus.filter((candidate) => candidate.stock >= 2)) {
      if (lines.length === 50) return lines
      const { id: productId, title, image } = product
      const label = skuLabel(sku)
      lines.push({
        skuId: sku.id,
        productId,
        title,
        image,
        skuLabel: label,
        price: sku.price,
        stock: sku.stock,
        quantity: 1,
        selected: true,
      })
    }
  }
  if (lines.length < 50) throw new Error(`The catalogue has only ${lines.length} SKUs in stock`)
  return lines
}

async function cartPlusOne(baseUrl: string): Promise<SetDataRow> {
  const storage = new MiniStorage()
  storage.set(
    CART_STORAGE_KEY,
    JSON.stringify({ state: { lines: await fiftyCartLines(baseUrl) }, version: CART_VERSION }),
  )
  const app = await launch({ baseUrl, storage, entry: pageUrl('cart') })
  try {
    const cart = await app.waitForPage(ROUTES.cart)
    await cart.waitForText(text['cart.selectedCount'].replace('{count}', '50'))
    const firstRenderBytes = cart.sentSince(0).bytes
    const before = cart.setDataCalls.length
    await cart.tapText('+', { exact: true, index: 24 })
    await cart.waitForText(text['cart.selectedCount'].replace('{count}', '51'))
    return {
      name: 'cart: +1 on one line of 50',
      budget: INTERACTION_BUDGET_BYTES,
      firstRenderBytes,
      ...cart.sentSince(before),
    }
  } finally {
    app.close()
  }
}

async function chooseSku(baseUrl: string): Promise<SetDataRow[]> {
  const app = await launch({ baseUrl, entry: pageUrl('product', { id: 'tshirt-classic' }) })
  try {
    const product = await app.waitForPage(ROUTES.product)
    await product.waitForText(text['product.addToCart'])
    const firstRenderBytes = product.sentSince(0).bytes
    let before = product.setDataCalls.length
    await product.tapText('黑色', { exact: true })
    await product.waitForText(text['product.selectOptions'].replace('{names}', '尺码'))
    const colour = {
      name: 'product: choose a colour',
      budget: INTERACTION_BUDGET_BYTES,
      firstRenderBytes,
      ...product.sentSince(before),
    }
    before = product.setDataCalls.length
    await product.tapText('M', { exact: true })
    await product.waitForText(text['product.selected'].replace('{values}', '黑色 / M'))
    const size = {
      name: 'product: choose a size (SKU chosen)',
      budget: INTERACTION_BUDGET_BYTES,
      firstRenderBytes,
      ...product.sentSince(before),
    }
    return [colour, size]
  } finally {
    app.close()
  }
}

export async function measureSetData(baseUrl: string): Promise<SetDataRow[]> {
  return [await homeFirstRender(baseUrl), await cartPlusOne(baseUrl), ...(await chooseSku(baseUrl))]
}
