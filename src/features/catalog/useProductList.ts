import type { ProductSummary } from '@contract'
import { useCallback, useEffect, useRef, useState } from 'react'
import { fetchProducts } from './api'

export const PAGE_SIZE = 20

export interface ProductListState {
  items: ProductSummary[]
  loading: boolean
  error?: unknown
  hasMore: boolean
  /** Loads the next page, if any (called when the grid reaches the bottom). */
  loadMore: () => Promise<void>
  /** Starts again from page 1 (pull to refresh, retry). */
  refresh: () => Promise<void>
}

/** A paged product list for one category or search; changing either starts again from page 1. */
export function useProductList(filter: { categoryId?: string; q?: string }): ProductListState {
  const [items, setItems] = useState<ProductSummary[]>([])
  const [page, setPage] = useState(0)
  const [hasMore, setHasMore] = useState(true)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<unknown>()
  const generation = useRef(0)
  const busy = useRef(false)
  const filterKey = `${filter.categoryId ?? ''}|${filter.q ?? ''}`

  const loadPage = useCallback(
    async (pageNo: number) => {
      const ticket = generation.current
      busy.current = true
      setLoading(true)
      setError(undefined)
      try {
        const result = await fetchProducts({ ...filter, page: pageNo, pageSize: PAGE_SIZE })
        if (ticket !== generation.current) return
        setItems((previous) => (pageNo === 1 ? result.items : [...previous, ...result.items]))
        setPage(pageNo)
        setHasMore(result.hasMore)
      } catch (failure) {
        if (ticket === generation.current) setError(failure)
      } finally {
        if (ticket === generation.current) {
          busy.current = false
          setLoading(false)
        }
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [filterKey],
  )

  const refresh = useCallback(async () => {
    generation.current++
    busy.current = false
    await loadPage(1)
  }, [loadPage])

  const loadMore = useCallback(async () => {
    if (busy.current || !hasMore) return
    await loadPage(page + 1)
  }, [busy, hasMore, loadPage, page])

  useEffect(() => {
    setItems([])
    setHasMore(true)
    void refresh()
  }, [refresh])

  return { items, loading, error, hasMore, loadMore, refresh }
}
