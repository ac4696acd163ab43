import { useCallback, useEffect, useRef, useState } from 'react'
import { useLocale } from '../i18n'
import type { ApiError } from './api'
import { asApiError } from './errors'

export interface RequestState<T> {
  data?: T
  error?: ApiError
  loading: boolean
  reload: () => void
}

/**
 * Loads data whenever `key` changes (a text naming what is asked, e.g. the query) and on reload();
 * `null` loads nothing. A change of language loads again: the server words titles and categories. An answer to an older key is dropped. The data of the last answer stays
 * while the next loads, so a table keeps its rows under its loading spinner.
 */
export function useRequest<T>(key: string | null, load: () => Promise<T>): RequestState<T> {
  const { locale } = useLocale()
  const loadRef = useRef(load)
  loadRef.current = load
  const [version, setVersion] = useState(0)
  const [state, setState] = useState<Omit<RequestState<T>, 'reload'>>({ loading: key !== null })

  useEffect(() => {
    if (key === null) return
    let current = true
    setState((previous) => ({ data: previous.data, loading: true }))
    loadRef.current().then(
      (data) => {
        if (current) setState({ data, loading: false })
      },
      (error: unknown) => {
        if (current)
          setState((previous) => ({ data: previous.data, error: asApiError(error), loading: false }))
      },
    )
    return () => {
      current = false
    }
  }, [key, version, locale])

  const reload = useCallback(() => setVersion((value) => value + 1), [])
  return { ...state, reload }
}
