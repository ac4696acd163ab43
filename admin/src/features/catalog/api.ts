import type {
  CategoryList,
  ConsoleProduct,
  ConsoleProductListQuery,
  ConsoleProductPage,
  CreateProductInput,
  StockAdjustmentInput,
  UpdateProductInput,
  UploadedImage,
} from '@contract'
import { MERCHANT_API_PREFIX } from '@contract/limits'
import { api, uploadFile } from '../../shared/api'
import type { Fen } from '../../shared/money'

const productPath = (id: string) => `${MERCHANT_API_PREFIX}/products/${encodeURIComponent(id)}`
const skuPath = (id: string) => `${MERCHANT_API_PREFIX}/skus/${encodeURIComponent(id)}`

export type ProductListFilter = Partial<ConsoleProductListQuery>

export const fetchProducts = (filter: ProductListFilter) =>
  api.get<ConsoleProductPage>(`${MERCHANT_API_PREFIX}/products`, filter)
export const fetchProduct = (id: string) => api.get<ConsoleProduct>(productPath(id))
export const fetchCategories = () => api.get<CategoryList>('/api/categories')
/** Owners only: it sets a price. The product starts unpublished. */
export const createProduct = (input: CreateProductInput) =>
  api.post<ConsoleProduct>(`${MERCHANT_API_PREFIX}/products`, input)
export const updateProduct = (id: string, patch: UpdateProductInput) =>
  api.patch<ConsoleProduct>(productPath(id), patch)
/** Owners only. */
export const setSkuPrice = (skuId: string, price: Fen) =>
  api.put<unknown>(`${skuPath(skuId)}/price`, { price })
export const adjustStock = (skuId: string, adjustment: StockAdjustmentInput) =>
  api.post<unknown>(`${skuPath(skuId)}/stock-adjustments`, adjustment)
export const uploadImage = (file: File, onProgress: (percent: number) => void) =>
  uploadFile<UploadedImage>(`${MERCHANT_API_PREFIX}/images`, file, onProgress)
