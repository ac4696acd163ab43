import { useCallback, useEffect, useRef, useState } from 'react'

export interface Resource<T> {
  data?: T
  error?: unknown
  loading: boolean
  /** Loads again; resolves when done (for pull-to-refresh). */
  reload: () => Promise<void>
}

/** Loads something once per `key` and keeps the latest answer only (older ones are ignored). */
export function useResource<T>(key: string, load: () => Promise<T>): Resource<T> {
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
      if (ticket === latest.current) setState({ error, loading: false })
    }
  }, [])

  useEffect(() => {
    void reload()
  }, [key, reload])

  return { ...state, reload }
}
