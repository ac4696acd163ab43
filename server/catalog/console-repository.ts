/**
 * The catalog as the merchant console sees and changes it: every product, published or not, with
 * all its SKUs. Every write sets `console_edited_at`, which tells the seed (seed.ts) to leave the
 * product alone from then on.
 */
import type { ConsoleProduct, ConsoleSku, LocalizedText } from '../../contract'
import { SKU_STOCK_MAX } from '../../contract/limits'
import type { Queryable } from '../db/types'
import type { Language } from '../http/language'
import type { ImageUrl } from '../http/public-urls'
import { iso } from '../orders/repository'
import { escapeLike, optionValueNames } from './repository'
import type { SeedOption } from './seed'

export interface ConsoleProductFilter {
  categoryId?: string
  active?: boolean
  q?: string
  page: number
  pageSize: number
}

/** A product's own fields as stored, for the audit log's before → after. */
export interface ProductFields {
  categoryId: string
  title: LocalizedText
  description: LocalizedText
  images: string[]
  active: boolean
}

interface ProductRow {
  id: string
  category_id: string
  title_zh: string
  title_en: string
  description_zh: string
  description_en: string
  images: string[]
  options: SeedOption[]
  active: boolean
  console_edited_at: Date | string | null
  skus: Array<{ id: string; optionKeys: string[]; price: number; stock: number; active: boolean }>
}

// SKUs travel as one JSON array per product, so a page is one statement (one snapshot).
const PRODUCT_COLUMNS = `
  p.id, p.category_id, p.title_zh, p.title_en, p.description_zh, p.description_en, p.images,
  p.options, p.active, p.console_edited_at, p.sort_order,
  coalesce((
    select jsonb_agg(jsonb_build_object(
      'id', s.id, 'optionKeys', s.option_keys, 'price', s.price_fen, 'stock', s.stock, 'active', s.active
    ) order by s.sort_order, s.id)
    from skus s where s.product_id = p.id
  ), '[]'::jsonb) as skus`

export const productFields = (row: ProductRow): ProductFields => ({
  categoryId: row.category_id,
  title: { 'zh-CN': row.title_zh, en: row.title_en },
  description: { 'zh-CN': row.description_zh, en: row.description_en },
  images: row.images,
  active: row.active,
})

function toConsoleProduct(row: ProductRow, lang: Language, imageUrl: ImageUrl): ConsoleProduct {
  const skus: ConsoleSku[] = row.skus.map((sku) => ({
    id: sku.id,
    values: optionValueNames(row.options, sku.optionKeys, lang),
    price: sku.price,
    stock: sku.stock,
    active: sku.active,
  }))
  return {
    id: row.id,
    ...productFields(row),
    imageUrls: row.images.map(imageUrl),
    skus,
    ...(row.console_edited_at ? { editedAt: iso(row.console_edited_at) } : {}),
  }
}

/** One page of products (published or not) and the total matching, from one statement. */
export async function listConsoleProducts(
  db: Queryable,
  filter: ConsoleProductFilter,
  lang: Language,
  imageUrl: ImageUrl,
): Promise<{ items: ConsoleProduct[]; total: number }> {
  const pattern = filter.q === undefined ? null : `%${escapeLike(filter.q)}%`
  const where = `
    ($1::text is null or p.category_id = $1)
    and ($2::boolean is null or p.active = $2)
    and ($3::text is null or p.id ilike $3 escape '\\'
         or p.title_zh ilike $3 escape '\\' or p.title_en ilike $3 escape '\\')`
  const rows = await db.query<{ total: number } & (ProductRow | Record<keyof ProductRow, null>)>(
    `select counted.total, page.*
     from (select count(*)::int as total from products p where ${where}) counted
     left join lateral (
       select ${PRODUCT_COLUMNS} from products p where ${where}
       order by p.sort_order, p.id
       limit $4 offset $5
     ) page on true
     order by page.sort_order, page.id`,
    [
      filter.categoryId ?? null,
      filter.active ?? null,
      pattern,
      filter.pageSize,
      (filter.page - 1) * filter.pageSize,
    ],
  )
  const items = rows.flatMap((row) =>
    row.id === null ? [] : [toConsoleProduct(row as ProductRow, lang, imageUrl)],
  )
  return { items, total: rows[0]?.total ?? 0 }
}

export async function findConsoleProduct(
  db: Queryable,
  id: string,
  lang: Language,
  imageUrl: ImageUrl,
): Promise<ConsoleProduct | undefined> {
  const [row] = await db.query<ProductRow>(`select ${PRODUCT_COLUMNS} from products p where p.id = $1`, [id])
  return row && toConsoleProduct(row, lang, imageUrl)
}

/** The product's fields, its row locked until the transaction ends (for a change and its audit). */
export async function lockProductFields(tx: Queryable, id: string): Promise<ProductFields | undefined> {
  const [row] = await tx.query<ProductRow>(
    `select p.id, p.category_id, p.title_zh, p.title_en, p.description_zh, p.description_en, p.images, p.active
     from products p where p.id = $1 for update`,
    [id],
  )
  return row && productFields(row)
}

export async function productIdOfSku(db: Queryable, skuId: string): Promise<string | undefined> {
  const [row] = await db.query<{ product_id: string }>('select product_id from skus where id = $1', [skuId])
  return row?.product_id
}

export async function categoryExists(db: Queryable, id: string): Promise<boolean> {
  const rows = await db.query('select 1 from categories where id = $1 and active', [id])
  return rows.length > 0
}

/** Ids among `candidates` already taken by a product, or by another product's SKU `${id}-std`. */
export async function takenProductIds(db: Queryable, candidates: string[]): Promise<Set<string>> {
  const rows = await db.query<{ id: string }>(
    `select c.id from jsonb_array_elements_text($1::jsonb) as c(id)
     where exists (select 1 from products where id = c.id)
        or exists (select 1 from skus where id = c.id || '-std')`,
    [JSON.stringify(candidates)],
  )
  return new Set(rows.map((row) => row.id))
}

/** category_id, title_zh, title_en, description_zh, description_en, images: as statement parameters. */
const descriptiveParams = (fields: Omit<ProductFields, 'active'>) => [
  fields.categoryId,
  fields.title['zh-CN'],
  fields.title.en,
  fields.description['zh-CN'],
  fields.description.en,
  JSON.stringify(fields.images),
]

/** Inserts an unpublished product with one SKU `${id}-std`; false when the id was taken meanwhile. */
export async function insertConsoleProduct(
  tx: Queryable,
  id: string,
  fields: Omit<ProductFields, 'active'> & { price: number; stock: number },
): Promise<boolean> {
  const inserted = await tx.query(
    `insert into products (id, category_id, title_zh, title_en, description_zh, description_en, images,
                           options, sort_order, active, console_edited_at)
     select $1, $2, $3, $4, $5, $6, $7::jsonb, '[]'::jsonb, coalesce(max(sort_order), -1) + 1, false, now()
     from products
     on conflict (id) do nothing
     returning id`,
    [id, ...descriptiveParams(fields)],
  )
  if (!inserted.length) return false
  await tx.query(
    `insert into skus (id, product_id, option_keys, price_fen, stock, sort_order)
     values ($1 || '-std', $1, '[]'::jsonb, $2, $3, 0)`,
    [id, fields.price, fields.stock],
  )
  return true
}

/** Writes the product's fields (all of them, as merged by the caller) and marks it console-edited. */
export async function updateProductFields(tx: Queryable, id: string, fields: ProductFields): Promise<void> {
  await tx.query(
    `update products set category_id = $2, title_zh = $3, title_en = $4, description_zh = $5,
       description_en = $6, images = $7::jsonb, active = $8, console_edited_at = now()
     where id = $1`,
    [id, ...descriptiveParams(fields), fields.active],
  )
}

const markProductEdited = (tx: Queryable, productId: string) =>
  tx.query('update products set console_edited_at = now() where id = $1', [productId])

/** Sets a SKU's price (one conditional UPDATE that also reads the old price); undefined: no such SKU. */
export async function setSkuPrice(
  tx: Queryable,
  skuId: string,
  price: number,
): Promise<{ productId: string; before: number } | undefined> {
  const [row] = await tx.query<{ product_id: string; before: number }>(
    `update skus s set price_fen = $2
     from (select id, price_fen from skus where id = $1 for update) old
     where s.id = old.id
     returning s.product_id, old.price_fen as before`,
    [skuId, price],
  )
  if (!row) return undefined
  await markProductEdited(tx, row.product_id)
  return { productId: row.product_id, before: row.before }
}

/**
 * Moves a SKU's stock by `delta`, never below 0 nor above SKU_STOCK_MAX (one conditional UPDATE).
 * `out_of_range` when it would leave that range; undefined when there is no such SKU.
 */
export async function adjustSkuStock(
  tx: Queryable,
  skuId: string,
  delta: number,
): Promise<{ productId: string; stockAfter: number } | 'out_of_range' | undefined> {
  const [row] = await tx.query<{ product_id: string; stock: number }>(
    `update skus set stock = stock + $2
     where id = $1 and stock + $2::bigint between 0 and $3
     returning product_id, stock`,
    [skuId, delta, SKU_STOCK_MAX],
  )
  if (!row) return (await productIdOfSku(tx, skuId)) ? 'out_of_range' : undefined
  await markProductEdited(tx, row.product_id)
  return { productId: row.product_id, stockAfter: row.stock }
}

export async function recordStockAdjustment(
  tx: Queryable,
  adjustment: { skuId: string; delta: number; reason: string; staffId: string; stockAfter: number },
): Promise<void> {
  await tx.query(
    `insert into stock_adjustments (sku_id, delta, reason, staff_id, stock_after) values ($1, $2, $3, $4, $5)`,
    [adjustment.skuId, adjustment.delta, adjustment.reason, adjustment.staffId, adjustment.stockAfter],
  )
}
