import { useCallback, useEffect, useRef, useState } from 'react'
import { useLocaleStore } from '../i18n'

export interface Page<T> {
  items: T[]
  hasMore: boolean
}

export interface PagedList<T> {
  items: T[]
  loading: boolean
  error?: unknown
  hasMore: boolean
  /** Loads the next page, if any (called when the list reaches the bottom). */
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
 * A list loaded page by page. A new `key` (filter) or language starts again from page 1. The
 * cursor lives in a ref because reach-bottom events can arrive before React re-renders with the
 * last page, and a page must never be loaded twice.
 */
export function usePagedList<T>(key: string, fetchPage: (page: number) => Promise<Page<T>>): PagedList<T> {
  const locale = useLocaleStore((state) => state.locale)
  const [items, setItems] = useState<T[]>([])
  const [hasMore, setHasMore] = useState(true)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<unknown>()
  const cursor = useRef<Cursor>({ nextPage: 1, hasMore: true, busy: false, generation: 0 })
  const fetchRef = useRef(fetchPage)
  fetchRef.current = fetchPage

  const loadPage = useCallback(async (page: number) => {
    const { generation } = cursor.current
    cursor.current.busy = true
    setLoading(true)
    setError(undefined)
    try {
      const result = await fetchRef.current(page)
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
  }, [key, locale, refresh])

  return { items, loading, error, hasMore, loadMore, refresh, retry }
}
