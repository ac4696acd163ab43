/**
 * Catalog reads. SQL returns both languages and the mapping to the contract's shapes picks one,
 * so the queries stay identical for every language and for both database backends.
 */
import type { Category, ProductDetail, ProductSummary, Sku, SkuOption } from '../../contract'
import type { Queryable } from '../db/types'
import type { Language } from '../http/language'
import type { ImageUrl } from '../http/public-urls'
import type { SeedOption } from './seed'

export interface ProductFilter {
  categoryId?: string
  q?: string
  page: number
  pageSize: number
}

interface ProductRow {
  id: string
  category_id: string
  title_zh: string
  title_en: string
  images: string[]
  price_from: number
  stock: number
}

/** Makes user input literal inside ILIKE: `%`, `_` and the escape character itself. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`)
}

const pick = (lang: Language, zh: string, en: string) => (lang === 'en' ? en : zh)

// Sold-out SKUs still count for priceFrom: the list shows what the product costs, stock says if it can be bought.
const PRODUCT_SUMMARY_FROM = `
  from products p
  join categories c on c.id = p.category_id and c.active
  left join skus s on s.product_id = p.id and s.active
  where p.active`

const PRODUCT_SUMMARY_COLUMNS = `
  p.id, p.category_id, p.title_zh, p.title_en, p.images,
  coalesce(min(s.price_fen), 0)::int as price_from, coalesce(sum(s.stock), 0)::int as stock`

function toSummary(row: ProductRow, lang: Language, imageUrl: ImageUrl): ProductSummary {
  return {
    id: row.id,
    categoryId: row.category_id,
    title: pick(lang, row.title_zh, row.title_en),
    image: imageUrl(row.images[0]),
    priceFrom: row.price_from,
    stock: row.stock,
  }
}

/** A SKU's option value keys as the localized labels `options` shows (the key when unknown). */
export function optionValueNames(options: SeedOption[], optionKeys: string[], lang: Language): string[] {
  return optionKeys.map(
    (key, index) => options[index]?.values.find((value) => value.key === key)?.[lang] ?? key,
  )
}

export async function listCategories(db: Queryable, lang: Language): Promise<Category[]> {
  const rows = await db.query<{ id: string; name_zh: string; name_en: string; product_count: number }>(
    `select c.id, c.name_zh, c.name_en, count(p.id)::int as product_count
     from categories c
     left join products p on p.category_id = c.id and p.active
     where c.active
     group by c.id
     order by c.sort_order, c.id`,
  )
  return rows.map((row) => ({
    id: row.id,
    name: pick(lang, row.name_zh, row.name_en),
    productCount: row.product_count,
  }))
}

/**
 * One page of products and the total number matching, from ONE statement: both see the same
 * snapshot, so a concurrent change can never make `total` disagree with the items. The total row
 * is left-joined to the page, so it comes back even when the page is beyond the end.
 */
export async function listProducts(
  db: Queryable,
  filter: ProductFilter,
  lang: Language,
  imageUrl: ImageUrl,
): Promise<{ items: ProductSummary[]; total: number }> {
  const pattern = filter.q === undefined ? null : `%${escapeLike(filter.q)}%`
  const where = `
    and ($1::text is null or p.category_id = $1)
    and ($2::text is null or p.title_zh ilike $2 escape '\\' or p.title_en ilike $2 escape '\\')`
  // A page beyond the end is one row with the total and nulls for the product columns.
  const rows = await db.query<{ total: number } & (ProductRow | Record<keyof ProductRow, null>)>(
    `select counted.total, page.*
     from (
       select count(*)::int as total
       from products p join categories c on c.id = p.category_id and c.active
       where p.active ${where}
     ) counted
     left join lateral (
       select ${PRODUCT_SUMMARY_COLUMNS}, p.sort_order ${PRODUCT_SUMMARY_FROM} ${where}
       group by p.id
       order by p.sort_order, p.id
       limit $3 offset $4
     ) page on true
     order by page.sort_order, page.id`,
    [filter.categoryId ?? null, pattern, filter.pageSize, (filter.page - 1) * filter.pageSize],
  )
  const items = rows.flatMap((row) => (row.id === null ? [] : [toSummary(row as ProductRow, lang, imageUrl)]))
  return { items, total: rows[0]?.total ?? 0 }
}

export async function getProduct(
  db: Queryable,
  id: string,
  lang: Language,
  imageUrl: ImageUrl,
): Promise<ProductDetail | undefined> {
  const [row] = await db.query<
    ProductRow & { description_zh: string; description_en: string; options: SeedOption[] }
  >(
    `select ${PRODUCT_SUMMARY_COLUMNS}, p.description_zh, p.description_en, p.options
     ${PRODUCT_SUMMARY_FROM} and p.id = $1
     group by p.id`,
    [id],
  )
  if (!row) return undefined
  const skuRows = await db.query<{ id: string; option_keys: string[]; price_fen: number; stock: number }>(
    `select id, option_keys, price_fen, stock from skus where product_id = $1 and active order by sort_order, id`,
    [id],
  )
  const options: SkuOption[] = row.options.map((option) => ({
    name: option.name[lang],
    values: option.values.map((value) => value[lang]),
  }))
  const skus: Sku[] = skuRows.map((sku) => ({
    id: sku.id,
    values: optionValueNames(row.options, sku.option_keys, lang),
    price: sku.price_fen,
    stock: sku.stock,
  }))
  return {
    ...toSummary(row, lang, imageUrl),
    description: pick(lang, row.description_zh, row.description_en),
    images: row.images.map(imageUrl),
    options,
    skus,
  }
}
