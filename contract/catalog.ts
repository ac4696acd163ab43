import { Type, type Static } from '@sinclair/typebox'
import { Fen, PageQueryFields, Paged, withDefaultsOptional } from './common'
import { NO_CONTROL_CHARACTERS_PATTERN, SEARCH_TEXT_MAX } from './limits'

export const Category = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    productCount: Type.Integer({ minimum: 0 }),
  },
  { title: 'Category' },
)
export type Category = Static<typeof Category>

export const CategoryList = Type.Object({ items: Type.Array(Category) }, { title: 'CategoryList' })
export type CategoryList = Static<typeof CategoryList>

export const ProductSummary = Type.Object(
  {
    id: Type.String(),
    categoryId: Type.String(),
    title: Type.String(),
    image: Type.String({ description: 'Absolute URL of the main image' }),
    /** Lowest SKU price, in fen. */
    priceFrom: Fen,
    /** Sum of the SKUs' stock; 0 means sold out. */
    stock: Type.Integer({ minimum: 0 }),
  },
  { title: 'ProductSummary' },
)
export type ProductSummary = Static<typeof ProductSummary>

/** One dimension a buyer chooses, e.g. { name: 'Colour', values: ['Red', 'Blue'] }. */
export const SkuOption = Type.Object(
  { name: Type.String(), values: Type.Array(Type.String()) },
  { title: 'SkuOption' },
)
export type SkuOption = Static<typeof SkuOption>

export const Sku = Type.Object(
  {
    id: Type.String(),
    /** One value per option, in the order of `ProductDetail.options`. */
    values: Type.Array(Type.String()),
    price: Fen,
    stock: Type.Integer({ minimum: 0 }),
  },
  { title: 'Sku' },
)
export type Sku = Static<typeof Sku>

export const ProductDetail = Type.Object(
  {
    id: Type.String(),
    categoryId: Type.String(),
    title: Type.String(),
    description: Type.String(),
    image: Type.String(),
    images: Type.Array(Type.String()),
    priceFrom: Fen,
    stock: Type.Integer({ minimum: 0 }),
    options: Type.Array(SkuOption),
    skus: Type.Array(Sku),
  },
  { title: 'ProductDetail' },
)
export type ProductDetail = Static<typeof ProductDetail>

export const ProductPage = Paged(ProductSummary, 'ProductPage')
export type ProductPage = Static<typeof ProductPage>

/** Catalog ids (categories, products) are lowercase slugs, e.g. `tshirt-classic`. */
export const CATALOG_ID_PATTERN = '^[a-z0-9-]{1,64}$'

/** Path parameters of `GET /api/products/:id`. */
export const ProductIdParams = Type.Object({
  id: Type.String({ pattern: CATALOG_ID_PATTERN, description: 'Product id, e.g. tshirt-classic' }),
})
export type ProductIdParams = Static<typeof ProductIdParams>

/** Query of `GET /api/products`. */
export const ProductQuery = withDefaultsOptional(
  Type.Object(
    {
      categoryId: Type.Optional(Type.String({ pattern: CATALOG_ID_PATTERN })),
      /** Case-insensitive substring of the title, matched in both languages. */
      q: Type.Optional(
        Type.String({ minLength: 1, maxLength: SEARCH_TEXT_MAX, pattern: NO_CONTROL_CHARACTERS_PATTERN }),
      ),
      ...PageQueryFields,
    },
    { additionalProperties: false },
  ),
)
export type ProductQuery = Static<typeof ProductQuery>
