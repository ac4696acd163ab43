/**
 * What staff change in the catalog from the console, each with its audit entry (before → after)
 * in the same transaction: a change never lands without its entry, nor an entry without its change.
 */
import type { CreateProductInput, StockAdjustmentInput, UpdateProductInput } from '../../contract'
import { SKU_STOCK_MAX } from '../../contract/limits'
import type { Db, Queryable } from '../db/types'
import { HttpError, notFound } from '../http/errors'
import { audit } from '../staff/repository'
import {
  adjustSkuStock,
  categoryExists,
  insertConsoleProduct,
  lockProductFields,
  recordStockAdjustment,
  setSkuPrice,
  takenProductIds,
  updateProductFields,
  type ProductFields,
} from './console-repository'
import { imageExists } from './images'

/** Ids are made from the English title; this leaves room for a `-NN` suffix within 64 characters. */
const SLUG_MAX = 56
/** How many `-2`, `-3`… suffixes one attempt considers before asking again. */
const SUFFIXES_PER_ATTEMPT = 20

/** "Linen Tote Bag!" → "linen-tote-bag"; "product" when the title has no Latin letters or digits. */
export function slugOf(title: string): string {
  const slug = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, SLUG_MAX)
    .replace(/^-+|-+$/g, '')
  return slug || 'product'
}

async function checkCategory(tx: Queryable, categoryId: string): Promise<void> {
  if (!(await categoryExists(tx, categoryId)))
    throw new HttpError(400, 'unknown_category', `No category with id "${categoryId}".`)
}

async function checkImages(images: string[], directories: string[]): Promise<void> {
  for (const file of images) {
    if (!(await imageExists(file, directories)))
      throw new HttpError(
        400,
        'unknown_image',
        `No image named "${file}": use a sample image's name or upload it first (POST /api/merchant/images).`,
      )
  }
}

/** Creates an unpublished product with one SKU; answers its id. */
export async function createProduct(
  db: Db,
  input: CreateProductInput,
  staffId: string,
  imageDirectories: string[],
): Promise<string> {
  await checkImages(input.images, imageDirectories)
  const base = slugOf(input.title.en)
  return db.transaction(async (tx) => {
    await checkCategory(tx, input.categoryId)
    // A concurrent create may take the id between the check and the insert: then look again.
    for (let attempt = 0; ; attempt++) {
      const first = attempt * SUFFIXES_PER_ATTEMPT
      const candidates = Array.from({ length: SUFFIXES_PER_ATTEMPT }, (_, index) =>
        first + index === 0 ? base : `${base}-${first + index + 1}`,
      )
      const taken = await takenProductIds(tx, candidates)
      const id = candidates.find((candidate) => !taken.has(candidate))
      if (id && (await insertConsoleProduct(tx, id, input))) {
        const { price, stock, ...fields } = input
        await audit(tx, {
          staffId,
          action: 'product.create',
          target: { type: 'product', id },
          after: { ...fields, active: false, sku: { id: `${id}-std`, price, stock } },
        })
        return id
      }
    }
  })
}

const fieldsOf = (fields: ProductFields, keys: Array<keyof ProductFields>) =>
  Object.fromEntries(keys.map((key) => [key, fields[key]]))

/**
 * Changes a product's fields; `active` publishes or unpublishes it. Audited as product.update for
 * the descriptive fields and product.publish / product.unpublish for `active`. Changing nothing
 * writes nothing (and the seed keeps following the file).
 */
export async function updateProduct(
  db: Db,
  id: string,
  input: UpdateProductInput,
  staffId: string,
  imageDirectories: string[],
): Promise<void> {
  if (input.images) await checkImages(input.images, imageDirectories)
  await db.transaction(async (tx) => {
    const before = await lockProductFields(tx, id)
    if (!before) throw notFound(`No product with id "${id}".`)
    const after: ProductFields = { ...before, ...input }
    const changed = (Object.keys(after) as Array<keyof ProductFields>).filter(
      (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
    )
    if (!changed.length) return
    if (changed.includes('categoryId')) await checkCategory(tx, after.categoryId)
    await updateProductFields(tx, id, after)
    const target = { type: 'product', id }
    const descriptive = changed.filter((key) => key !== 'active')
    if (descriptive.length) {
      await audit(tx, {
        staffId,
        action: 'product.update',
        target,
        before: fieldsOf(before, descriptive),
        after: fieldsOf(after, descriptive),
      })
    }
    if (changed.includes('active')) {
      await audit(tx, {
        staffId,
        action: after.active ? 'product.publish' : 'product.unpublish',
        target,
        before: { active: before.active },
        after: { active: after.active },
      })
    }
  })
}

/** Sets a SKU's price (owner only, checked by the route); answers the SKU's product id. */
export async function changeSkuPrice(db: Db, skuId: string, price: number, staffId: string): Promise<string> {
  return db.transaction(async (tx) => {
    const changed = await setSkuPrice(tx, skuId, price)
    if (!changed) throw notFound(`No SKU with id "${skuId}".`)
    await audit(tx, {
      staffId,
      action: 'sku.price',
      target: { type: 'sku', id: skuId },
      before: { price: changed.before },
      after: { price },
    })
    return changed.productId
  })
}

/** Moves a SKU's stock with a reason, never below 0 (409); answers the SKU's product id. */
export async function adjustStock(
  db: Db,
  skuId: string,
  { delta, reason }: StockAdjustmentInput,
  staffId: string,
): Promise<string> {
  return db.transaction(async (tx) => {
    const adjusted = await adjustSkuStock(tx, skuId, delta)
    if (!adjusted) throw notFound(`No SKU with id "${skuId}".`)
    if (adjusted === 'out_of_range')
      throw delta < 0
        ? new HttpError(
            409,
            'insufficient_stock',
            `SKU ${skuId} has fewer than ${-delta} in stock; stock cannot go below 0.`,
          )
        : new HttpError(
            409,
            'stock_limit',
            `SKU ${skuId} would hold more than ${SKU_STOCK_MAX} in stock; add less.`,
          )
    const { productId, stockAfter } = adjusted
    await recordStockAdjustment(tx, { skuId, delta, reason, staffId, stockAfter })
    await audit(tx, {
      staffId,
      action: 'sku.stock_adjust',
      target: { type: 'sku', id: skuId },
      before: { stock: stockAfter - delta },
      after: { stock: stockAfter, delta, reason },
    })
    return productId
  })
}
