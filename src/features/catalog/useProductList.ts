import type { ProductSummary } from '@contract'
import { PAGE_SIZE_DEFAULT } from '@contract/limits'
import { usePagedList, type PagedList } from '../../shared/hooks/usePagedList'
import { fetchProducts } from './api'

/** Products come a page at a time, of the API's default size. */
export const PRODUCTS_PAGE_SIZE = PAGE_SIZE_DEFAULT

export type ProductListState = PagedList<ProductSummary>

/** Products of one category or search, page by page, in the buyer's language. */
export function useProductList(filter: { categoryId?: string; q?: string }): ProductListState {
  return usePagedList(`${filter.categoryId ?? ''}|${filter.q ?? ''}`, (page) =>
    fetchProducts({ ...filter, page, pageSize: PRODUCTS_PAGE_SIZE }),
  )
}
