import type { ProductSummary } from '@contract'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useLocaleStore } from '../../shared/i18n'
import { fetchProducts } from './api'

export const PAGE_SIZE = 20

export interface ProductListState {
  items: ProductSummary[]
  loading: boolean
  error?: unknown
  hasMore: boolean
  /** Loads the next page, if any (called when the grid reaches the bottom). */
  loadMore: () => Promise<void>
  /** Starts again from page 1 (pull to refresh). */
  refresh: () => Promise<void>
  /** Repeats whatever failed: the first page, or the next one. */
  retry: () => Promise<void>
}

interface Cursor {
  nextPage: number
  hasMore: boolean
  busy: boolean
  /** Bumped by refresh: answers to older requests are dropped. */
  generation: number
}

/**
 * A paged product list for one category or search, in the current language; changing any of
 * them starts again from page 1. The cursor lives in a ref because reach-bottom events can
 * arrive before React re-renders with the last page's result.
 */
export function useProductList(filter: { categoryId?: string; q?: string }): ProductListState {
  const locale = useLocaleStore((state) => state.locale)
  const [items, setItems] = useState<ProductSummary[]>([])
  const [hasMore, setHasMore] = useState(true)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<unknown>()
  const cursor = useRef<Cursor>({ nextPage: 1, hasMore: true, busy: false, generation: 0 })
  const filterRef = useRef(filter)
  filterRef.current = filter
  const filterKey = `${filter.categoryId ?? ''}|${filter.q ?? ''}|${locale}`

  const loadPage = useCallback(async (page: number) => {
    const { generation } = cursor.current
    cursor.current.busy = true
    setLoading(true)
    setError(undefined)
    try {
      const result = await fetchProducts({ ...filterRef.current, page, pageSize: PAGE_SIZE })
      if (generation !== cursor.current.generation) return
      cursor.current.nextPage = page + 1
      cursor.current.hasMore = result.hasMore
      setItems((previous) => (page === 1 ? result.items : [...previous, ...result.items]))
      setHasMore(result.hasMore)
    } catch (failure) {
      if (generation === cursor.current.generation) setError(failure)
    } finally {
      if (generation === cursor.current.generation) {
        cursor.current.busy = false
        setLoading(false)
      }
    }
  }, [])

  const refresh = useCallback(async () => {
    cursor.current = { nextPage: 1, hasMore: true, busy: false, generation: cursor.current.generation + 1 }
    await loadPage(1)
  }, [loadPage])

  const loadMore = useCallback(async () => {
    const { busy, hasMore: more, nextPage } = cursor.current
    if (busy || !more) return
    await loadPage(nextPage)
  }, [loadPage])

  const retry = useCallback(
    () => (cursor.current.nextPage === 1 ? refresh() : loadMore()),
    [refresh, loadMore],
  )

  useEffect(() => {
    setItems([])
    setHasMore(true)
    void refresh()
  }, [filterKey, refresh])

  return { items, loading, error, hasMore, loadMore, refresh, retry }
}
