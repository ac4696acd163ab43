/**
 * Catalog seeding, run at every start-up from ONE hand-edited file, seed-data.json.
 *
 * - Missing categories, products and SKUs are inserted (with the file's stock).
 * - Existing rows get their descriptive fields, images, options, order and PRICES refreshed
 *   from the file on every start, so editing the file and restarting is enough.
 * - STOCK IS SET ONLY ON FIRST INSERT: afterwards orders own it, and a restart must not
 *   undo sales. To reset stock, delete the database (DATA_DIR) or update it by hand.
 * - Rows no longer in the file are deactivated (hidden), not deleted: orders may reference them.
 * - A product the merchant console has edited or created (`console_edited_at`, migration 018) is
 *   the console's from then on: neither it nor its SKUs are refreshed from the file or
 *   deactivated for being missing from it. Unedited rows follow the file as above.
 *
 * Prices are integer fen everywhere. A product without options has one SKU, id `${productId}-std`;
 * otherwise one SKU per combination of option values, id `${productId}-${key}-${key}...`.
 */
import fs from 'node:fs'
import path from 'node:path'
import { CATALOG_ID_PATTERN } from '../../contract'
import type { Db } from '../db/types'
import { IMAGE_FILE_PATTERN, IMAGES_DIR } from './images'

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
const ID_PATTERN = new RegExp(CATALOG_ID_PATTERN)
const OPTION_KEY_PATTERN = /^[a-z0-9]+$/
const LANGUAGES = ['zh-CN', 'en'] as const

/** Reads and validates the seed file; every problem is an Error starting with the file's name. */
export function loadSeedData(file: string = SEED_DATA_FILE, imagesDir: string = IMAGES_DIR): SeedData {
  const source = path.basename(file)
  let data: unknown
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (error) {
    throw new Error(`${source}: cannot be read as JSON (${(error as Error).message})`)
  }
  validateSeedData(data, source)
  for (const product of data.products) {
    for (const image of product.images) {
      if (!fs.existsSync(path.join(imagesDir, image))) {
        throw new Error(`${source}: product "${product.id}" image "${image}" is not in ${imagesDir}`)
      }
    }
  }
  return data
}

function combinations(options: SeedOption[]): string[][] {
  return options.reduce<string[][]>(
    (combos, option) => combos.flatMap((combo) => option.values.map((value) => [...combo, value.key])),
    [[]],
  )
}

/** Identifies a combination of option value keys, for comparing overrides with combinations. */
const comboKey = (optionKeys: string[]) => JSON.stringify(optionKeys)

/** Expands a product's options into its SKUs, applying the overrides. */
export function expandSkus(product: SeedProduct): SeedSku[] {
  const options = product.options ?? []
  return combinations(options).map((optionKeys) => {
    const override = product.skus?.find((sku) => comboKey(sku.values) === comboKey(optionKeys))
    return {
      id: optionKeys.length ? `${product.id}-${optionKeys.join('-')}` : `${product.id}-std`,
      productId: product.id,
      optionKeys,
      price: override?.price ?? product.price,
      stock: override?.stock ?? product.stock,
    }
  })
}

type JsonObject = Record<string, unknown>
const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0
const show = (value: unknown) => (value === undefined ? 'nothing' : JSON.stringify(value))

/**
 * Checks the shape of the whole file before anything touches the database, so an editing mistake
 * is reported as `seed-data.json: product "x" ...` rather than a TypeError or an SQL error.
 */
export function validateSeedData(data: unknown, source = 'seed-data.json'): asserts data is SeedData {
  const fail = (message: string): never => {
    throw new Error(`${source}: ${message}`)
  }
  /** `{ "zh-CN": "...", "en": "..." }`, both non-blank; PostgreSQL text cannot hold NUL. */
  const checkText = (value: unknown, where: string, field: string) => {
    if (!isObject(value)) fail(`${where} has no ${field} (expected { "zh-CN": "...", "en": "..." })`)
    const text = value as JsonObject
    for (const lang of LANGUAGES) {
      const localized = text[lang]
      if (typeof localized !== 'string' || !localized.trim()) fail(`${where} has no "${lang}" ${field}`)
      if ((localized as string).includes('\u0000'))
        fail(`${where} "${lang}" ${field} contains a NUL character`)
    }
  }
  const checkArray = (value: unknown, where: string, what: string): unknown[] =>
    Array.isArray(value) ? value : fail(`${where} must be an array of ${what} (got ${show(value)})`)

  if (!isObject(data)) return fail('must be an object with "categories" and "products" arrays')
  const categoryIds = new Set<string>()
  checkArray(data.categories, '"categories"', 'categories').forEach((category, index) => {
    if (!isObject(category)) return fail(`category ${index + 1} must be an object`)
    const { id } = category
    if (typeof id !== 'string' || !ID_PATTERN.test(id))
      return fail(`category ${index + 1} id ${show(id)} must match ${ID_PATTERN}`)
    if (categoryIds.has(id)) fail(`duplicate category id "${id}"`)
    categoryIds.add(id)
    checkText(category.name, `category "${id}"`, 'name')
  })

  const skuIds = new Set<string>()
  const productIds = new Set<string>()
  checkArray(data.products, '"products"', 'products').forEach((product, index) => {
    if (!isObject(product)) return fail(`product ${index + 1} must be an object`)
    const { id } = product
    if (typeof id !== 'string' || !ID_PATTERN.test(id))
      return fail(`product ${index + 1} id ${show(id)} must match ${ID_PATTERN}`)
    const where = `product "${id}"`
    if (productIds.has(id)) fail(`duplicate product id "${id}"`)
    productIds.add(id)
    if (typeof product.categoryId !== 'string' || !categoryIds.has(product.categoryId))
      fail(`${where} has unknown categoryId ${show(product.categoryId)}`)
    checkText(product.title, where, 'title')
    checkText(product.description, where, 'description')
    const images = checkArray(product.images, `${where} "images"`, 'file names like "mug-ceramic.png"')
    if (!images.length) fail(`${where} needs at least one image`)
    for (const image of images) {
      if (typeof image !== 'string' || !IMAGE_FILE_PATTERN.test(image))
        fail(`${where} image ${show(image)} must be a file name matching ${IMAGE_FILE_PATTERN}`)
    }
    if (!isCount(product.price))
      fail(`${where} price must be a non-negative integer number of fen (got ${show(product.price)})`)
    if (!isCount(product.stock))
      fail(`${where} stock must be a non-negative integer (got ${show(product.stock)})`)

    const options =
      product.options === undefined ? [] : checkArray(product.options, `${where} "options"`, 'options')
    options.forEach((option, optionIndex) => {
      const at = `${where} option ${optionIndex + 1}`
      if (!isObject(option)) return fail(`${at} must be an object with "name" and "values"`)
      checkText(option.name, at, 'name')
      const values = checkArray(option.values, `${at} "values"`, 'values')
      if (!values.length) fail(`${at} has no values`)
      const keys = new Set<string>()
      values.forEach((value, valueIndex) => {
        const valueAt = `${at} value ${valueIndex + 1}`
        if (!isObject(value)) return fail(`${valueAt} must be an object with "key", "zh-CN" and "en"`)
        if (typeof value.key !== 'string' || !OPTION_KEY_PATTERN.test(value.key))
          fail(`${valueAt} key ${show(value.key)} must match ${OPTION_KEY_PATTERN}`)
        if (keys.has(value.key as string)) fail(`${at} has duplicate value key "${value.key}"`)
        keys.add(value.key as string)
        checkText(value, valueAt, 'text')
      })
    })

    const overrides =
      product.skus === undefined ? [] : checkArray(product.skus, `${where} "skus"`, 'SKU overrides')
    const seen = new Set<string>()
    overrides.forEach((override, overrideIndex) => {
      const at = `${where} sku override ${overrideIndex + 1}`
      if (!isObject(override)) return fail(`${at} must be an object with "values"`)
      const values = checkArray(override.values, `${at} "values"`, 'option value keys')
      if (!values.every((value) => typeof value === 'string'))
        fail(`${at} "values" must be option value keys (strings)`)
      for (const field of ['price', 'stock'] as const) {
        if (override[field] !== undefined && !isCount(override[field]))
          fail(`${at} ${field} must be a non-negative integer (got ${show(override[field])})`)
      }
      const key = comboKey(values as string[])
      if (seen.has(key)) fail(`${at} repeats [${values.join(', ')}]`)
      seen.add(key)
    })

    // From here on the product has the SeedProduct shape.
    const skus = expandSkus(product as unknown as SeedProduct)
    for (const override of (product as unknown as SeedProduct).skus ?? []) {
      if (!skus.some((sku) => comboKey(sku.optionKeys) === comboKey(override.values))) {
        fail(`${where} sku override [${override.values.join(', ')}] matches no option combination`)
      }
    }
    for (const sku of skus) {
      if (skuIds.has(sku.id)) fail(`duplicate sku id "${sku.id}"`)
      skuIds.add(sku.id)
    }
  })
}

/** Products the console owns: the seed leaves them and their SKUs alone. */
const CONSOLE_EDITED_PRODUCTS = 'select id from products where console_edited_at is not null'

/** Upserts the catalog in one transaction (see the rules at the top of this file). */
export async function seedCatalog(db: Db, data: SeedData = loadSeedData()): Promise<void> {
  validateSeedData(data)
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
         images = excluded.images, options = excluded.options, sort_order = excluded.sort_order, active = true
       where products.console_edited_at is null`,
      [JSON.stringify(products)],
    )
    await tx.query(
      `insert into skus (id, product_id, option_keys, price_fen, stock, sort_order)
       select id, product_id, option_keys, price_fen, stock, sort_order
       from jsonb_to_recordset($1::jsonb) as r(
         id text, product_id text, option_keys jsonb, price_fen int, stock int, sort_order int)
       where r.product_id not in (${CONSOLE_EDITED_PRODUCTS})
       on conflict (id) do update set
         product_id = excluded.product_id, option_keys = excluded.option_keys,
         price_fen = excluded.price_fen, sort_order = excluded.sort_order, active = true`,
      [JSON.stringify(skus)],
    )
    for (const [table, rows, consoleOwned] of [
      ['categories', categories, 'false'],
      ['products', products, 'console_edited_at is not null'],
      ['skus', skus, `product_id in (${CONSOLE_EDITED_PRODUCTS})`],
    ] as const) {
      await tx.query(
        `update ${table} set active = false
         where active and id not in (select jsonb_array_elements_text($1::jsonb)) and not (${consoleOwned})`,
        [JSON.stringify(rows.map((row) => row.id))],
      )
    }
  })
}
