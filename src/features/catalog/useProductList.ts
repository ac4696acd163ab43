import type { ProductSummary } from '@contract'
import { usePagedList, type PagedList } from '../../shared/hooks/usePagedList'
import { fetchProducts } from './api'

export const PAGE_SIZE = 20

export type ProductListState = PagedList<ProductSummary>

/** Products of one category or search, page by page, in the buyer's language. */
export function useProductList(filter: { categoryId?: string; q?: string }): ProductListState {
  return usePagedList(`${filter.categoryId ?? ''}|${filter.q ?? ''}`, (page) =>
    fetchProducts({ ...filter, page, pageSize: PAGE_SIZE }),
  )
}
