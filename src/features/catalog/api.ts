import type { CategoryList, ProductDetail, ProductPage } from '@contract'
import { api } from '../../shared/request'

export interface ProductListQuery {
  categoryId?: string
  q?: string
  page: number
  pageSize: number
}

export const fetchCategories = () => api.get<CategoryList>('/api/categories')

export const fetchProducts = (query: ProductListQuery) => api.get<ProductPage>('/api/products', { ...query })

export const fetchProduct = (id: string) => api.get<ProductDetail>(`/api/products/${encodeURIComponent(id)}`)
