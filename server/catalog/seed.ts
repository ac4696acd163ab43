/**
 * Catalog seeding, run at every start-up from ONE hand-edited file, seed-data.json.
 *
 * - Missing categories, products and SKUs are inserted (with the file's stock).
 * - Existing rows get their descriptive fields, images, options, order and PRICES refreshed
 *   from the file on every start, so editing the file and restarting is enough.
 * - STOCK IS SET ONLY ON FIRST INSERT: afterwards orders own it, and a restart must not
 *   undo sales. To reset stock, delete the database (DATA_DIR) or update it by hand.
 * - Rows no longer in the file are deactivated (hidden), not deleted: orders may reference them.
 *
 * Prices are integer fen everywhere. A product without options has one SKU, id `${productId}-std`;
 * otherwise one SKU per combination of option values, id `${productId}-${key}-${key}...`.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Db } from '../db/types'

export type LocalizedText = { 'zh-CN': string; en: string }

export interface SeedOption {
  name: LocalizedText
  values: Array<LocalizedText & { key: string }>
}

export interface SeedProduct {
  id: string
  categoryId: string
  title: LocalizedText
  description: LocalizedText
  images: string[]
  /** Default price of each SKU, integer fen. */
  price: number
  /** Default stock of each SKU, used only when the SKU is first inserted. */
  stock: number
  options?: SeedOption[]
  /** Per-combination overrides; `values` are option value keys in option order. */
  skus?: Array<{ values: string[]; price?: number; stock?: number }>
}

export interface SeedData {
  categories: Array<{ id: string; name: LocalizedText }>
  products: SeedProduct[]
}

export interface SeedSku {
  id: string
  productId: string
  optionKeys: string[]
  price: number
  stock: number
}

export const SEED_DATA_FILE = path.join(__dirname, 'seed-data.json')
const ID_PATTERN = /^[a-z0-9-]{1,64}$/
const IMAGE_FILE_PATTERN = /^[a-z0-9-]+\.png$/

export function loadSeedData(file: string = SEED_DATA_FILE): SeedData {
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as SeedData
  validateSeedData(data)
  return data
}

function combinations(options: SeedOption[]): string[][] {
  return options.reduce<string[][]>(
    (combos, option) => combos.flatMap((combo) => option.values.map((value) => [...combo, value.key])),
    [[]],
  )
}

/** Expands a product's options into its SKUs, applying the overrides. */
export function expandSkus(product: SeedProduct): SeedSku[] {
  const options = product.options ?? []
  return combinations(options).map((optionKeys) => {
    const override = product.skus?.find((sku) => sku.values.join('\u0000') === optionKeys.join('\u0000'))
    return {
      id: optionKeys.length ? `${product.id}-${optionKeys.join('-')}` : `${product.id}-std`,
      productId: product.id,
      optionKeys,
      price: override?.price ?? product.price,
      stock: override?.stock ?? product.stock,
    }
  })
}

/** Catches editing mistakes with a message that points at the offending entry. */
export function validateSeedData(data: SeedData): void {
  const fail = (message: string): never => {
    throw new Error(`Invalid catalog seed data: ${message}`)
  }
  const isCount = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0
  const categoryIds = new Set<string>()
  for (const category of data.categories ?? fail('"categories" is missing')) {
    if (!ID_PATTERN.test(category.id)) fail(`category id "${category.id}" must match ${ID_PATTERN}`)
    if (categoryIds.has(category.id)) fail(`duplicate category id "${category.id}"`)
    categoryIds.add(category.id)
  }
  const skuIds = new Set<string>()
  const productIds = new Set<string>()
  for (const product of data.products ?? fail('"products" is missing')) {
    const where = `product "${product.id}"`
    if (!ID_PATTERN.test(product.id)) fail(`${where}: id must match ${ID_PATTERN}`)
    if (productIds.has(product.id)) fail(`duplicate product id "${product.id}"`)
    productIds.add(product.id)
    if (!categoryIds.has(product.categoryId)) fail(`${where}: unknown categoryId "${product.categoryId}"`)
    if (!product.title?.['zh-CN'] || !product.title?.en) fail(`${where}: title needs "zh-CN" and "en"`)
    if (!product.description?.['zh-CN'] || !product.description?.en)
      fail(`${where}: description needs "zh-CN" and "en"`)
    if (!product.images?.length || !product.images.every((file) => IMAGE_FILE_PATTERN.test(file))) {
      fail(`${where}: images must be one or more file names like "mug.png"`)
    }
    for (const option of product.options ?? []) {
      if (!option.values.length) fail(`${where}: option "${option.name.en}" has no values`)
      for (const value of option.values) {
        if (!/^[a-z0-9]+$/.test(value.key))
          fail(`${where}: option value key "${value.key}" must match /^[a-z0-9]+$/`)
      }
    }
    const skus = expandSkus(product)
    for (const override of product.skus ?? []) {
      if (!skus.some((sku) => sku.optionKeys.join('\u0000') === override.values.join('\u0000'))) {
        fail(`${where}: sku override [${override.values.join(', ')}] matches no option combination`)
      }
    }
    for (const sku of skus) {
      if (!isCount(sku.price))
        fail(`${where}: price of ${sku.id} must be a non-negative integer number of fen`)
      if (!isCount(sku.stock)) fail(`${where}: stock of ${sku.id} must be a non-negative integer`)
      if (skuIds.has(sku.id)) fail(`duplicate sku id "${sku.id}"`)
      skuIds.add(sku.id)
    }
  }
}

/** Upserts the catalog in one transaction (see the rules at the top of this file). */
export async function seedCatalog(db: Db, data: SeedData = loadSeedData()): Promise<void> {
  const categories = data.categories.map((category, index) => ({
    id: category.id,
    name_zh: category.name['zh-CN'],
    name_en: category.name.en,
    sort_order: index,
  }))
  const products = data.products.map((product, index) => ({
    id: product.id,
    category_id: product.categoryId,
    title_zh: product.title['zh-CN'],
    title_en: product.title.en,
    description_zh: product.description['zh-CN'],
    description_en: product.description.en,
    images: product.images,
    options: product.options ?? [],
    sort_order: index,
  }))
  const skus = data.products.flatMap((product) =>
    expandSkus(product).map((sku, index) => ({
      id: sku.id,
      product_id: sku.productId,
      option_keys: sku.optionKeys,
      price_fen: sku.price,
      stock: sku.stock,
      sort_order: index,
    })),
  )

  // Rows travel as one JSON parameter per table: a single statement each, same SQL on both backends.
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into categories (id, name_zh, name_en, sort_order)
       select id, name_zh, name_en, sort_order
       from jsonb_to_recordset($1::jsonb) as r(id text, name_zh text, name_en text, sort_order int)
       on conflict (id) do update set
         name_zh = excluded.name_zh, name_en = excluded.name_en, sort_order = excluded.sort_order, active = true`,
      [JSON.stringify(categories)],
    )
    await tx.query(
      `insert into products (id, category_id, title_zh, title_en, description_zh, description_en, images, options, sort_order)
       select id, category_id, title_zh, title_en, description_zh, description_en, images, options, sort_order
       from jsonb_to_recordset($1::jsonb) as r(
         id text, category_id text, title_zh text, title_en text, description_zh text, description_en text,
         images jsonb, options jsonb, sort_order int)
       on conflict (id) do update set
         category_id = excluded.category_id, title_zh = excluded.title_zh, title_en = excluded.title_en,
         description_zh = excluded.description_zh, description_en = excluded.description_en,
         images = excluded.images, options = excluded.options, sort_order = excluded.sort_order, active = true`,
      [JSON.stringify(products)],
    )
    await tx.query(
      `insert into skus (id, product_id, option_keys, price_fen, stock, sort_order)
       select id, product_id, option_keys, price_fen, stock, sort_order
       from jsonb_to_recordset($1::jsonb) as r(
         id text, product_id text, option_keys jsonb, price_fen int, stock int, sort_order int)
       on conflict (id) do update set
         product_id = excluded.product_id, option_keys = excluded.option_keys,
         price_fen = excluded.price_fen, sort_order = excluded.sort_order, active = true`,
      [JSON.stringify(skus)],
    )
    for (const [table, rows] of [
      ['categories', categories],
      ['products', products],
      ['skus', skus],
    ] as const) {
      await tx.query(
        `update ${table} set active = false
         where active and id not in (select jsonb_array_elements_text($1::jsonb))`,
        [JSON.stringify(rows.map((row) => row.id))],
      )
    }
  })
}
