import { useCallback, useEffect, useRef, useState } from 'react'
import { useLocaleStore } from '../i18n'

export interface Resource<T> {
  data?: T
  error?: unknown
  loading: boolean
  /** Loads again; resolves when done (for pull-to-refresh). */
  reload: () => Promise<void>
}

/**
 * Loads something once per `key` and language (the API answers in the buyer's language), keeps
 * only the latest answer, and keeps showing the last good data when a reload fails.
 */
export function useResource<T>(key: string, load: () => Promise<T>): Resource<T> {
  const locale = useLocaleStore((state) => state.locale)
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true })
  const latest = useRef(0)
  const loadRef = useRef(load)
  loadRef.current = load

  const reload = useCallback(async () => {
    const ticket = ++latest.current
    setState((previous) => ({ data: previous.data, loading: true }))
    try {
      const data = await loadRef.current()
      if (ticket === latest.current) setState({ data, loading: false })
    } catch (error) {
      if (ticket === latest.current) setState((previous) => ({ data: previous.data, error, loading: false }))
    }
  }, [])

  useEffect(() => {
    void reload()
  }, [key, locale, reload])

  return { ...state, reload }
}
