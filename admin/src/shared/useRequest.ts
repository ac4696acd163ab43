import { useCallback, useEffect, useRef, useState } from 'react'
import { useLocale } from '../i18n'
import type { ApiError } from './api'
import { asApiError } from './errors'

/** The last answer, and the key it answers. */
interface Answer<T> {
  key: string | null
  data?: T
  error?: ApiError
  loading: boolean
}

export interface RequestState<T> {
  data?: T
  error?: ApiError
  loading: boolean
  reload: () => void
}

/**
 * Loads data whenever `key` changes (a text naming what is asked, e.g. the query) and on reload();
 * `null` loads nothing. A change of language loads again: the server words titles and categories.
 * An answer to an older key is dropped. A reload (or a language change) keeps the last answer while
 * the next loads, so a table keeps its rows under its loading spinner; a new key does not: another
 * order's or another page's data never shows under this key.
 */
export function useRequest<T>(key: string | null, load: () => Promise<T>): RequestState<T> {
  const { locale } = useLocale()
  const loadRef = useRef(load)
  loadRef.current = load
  const [version, setVersion] = useState(0)
  const [state, setState] = useState<Answer<T>>({ key, loading: key !== null })

  useEffect(() => {
    if (key === null) return
    let current = true
    setState((previous) => ({ key, data: previous.key === key ? previous.data : undefined, loading: true }))
    loadRef.current().then(
      (data) => {
        if (current) setState({ key, data, loading: false })
      },
      (error: unknown) => {
        if (current)
          setState((previous) => ({
            key,
            data: previous.key === key ? previous.data : undefined,
            error: asApiError(error),
            loading: false,
          }))
      },
    )
    return () => {
      current = false
    }
  }, [key, version, locale])

  const reload = useCallback(() => setVersion((value) => value + 1), [])
  // Until the effect above runs for a new key, the state still holds the old key's answer.
  if (state.key !== key) return { loading: key !== null, reload }
  return { data: state.data, error: state.error, loading: state.loading, reload }
}
