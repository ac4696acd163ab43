import Taro from '@tarojs/taro'
import type { StateCreator } from 'zustand'

/** A value as Taro's storage hands it back: undefined when nothing is stored; throws on bad JSON. */
export function parseStored(raw: unknown): unknown {
  // Taro returns '' for a missing key; some platforms hand back the object we stored.
  return typeof raw === 'string' ? (raw ? JSON.parse(raw) : undefined) : raw
}

export interface PersistOptions<S, P> {
  /** The storage key. */
  name: string
  /** Stored with the state; bump it when the stored shape changes, and teach `restore` the old one. */
  version: number
  /** What of the state is kept. */
  partialize: (state: S) => P
  /** Stored data is untrusted input (any version, any shape): what of it to start from. */
  restore: (stored: unknown, version: unknown) => Partial<S>
}

/**
 * A zustand middleware that keeps part of a store in Taro's synchronous storage, so the cart is
 * ready on the first render. It stores `{ state, version }`, as zustand's own `persist` did, in a
 * tenth of its size (the main package has a budget). Reads never throw: missing, corrupt or
 * foreign data reads as "nothing stored" and the store starts from its defaults. When the storage
 * itself fails to read, nothing is written for the rest of the session, so a passing failure
 * cannot overwrite a saved cart.
 */
export function persisted<S extends object, P>(
  initializer: StateCreator<S>,
  { name, version, partialize, restore }: PersistOptions<S, P>,
): StateCreator<S> {
  return (set, get, api) => {
    let readFailed = false
    let stored: { state?: unknown; version?: unknown } | undefined
    try {
      const raw: unknown = Taro.getStorageSync(name)
      try {
        const parsed = parseStored(raw)
        if (parsed && typeof parsed === 'object' && 'state' in parsed) stored = parsed
      } catch (error) {
        console.warn(`[storage] ignoring unreadable "${name}":`, error)
      }
    } catch (error) {
      readFailed = true
      console.warn(`[storage] could not read "${name}"; changes stay in memory this session:`, error)
    }
    const save = (state: S = get()) => {
      if (readFailed) return
      try {
        Taro.setStorageSync(name, JSON.stringify({ state: partialize(state), version }))
      } catch (error) {
        // Storage full or unavailable: the store keeps working in memory.
        console.warn(`[storage] could not save "${name}":`, error)
      }
    }
    const setAndSave = ((...args: unknown[]) => {
      ;(set as (...forwarded: unknown[]) => void)(...args)
      save()
    }) as typeof set
    // Changes made from outside the store (useStore.setState) are kept too.
    api.setState = setAndSave
    const initial = initializer(setAndSave, get, api)
    if (!stored) return initial
    const state = { ...initial, ...restore(stored.state, stored.version) }
    // Data of another version is rewritten in this one at once, as what was restored.
    if (stored.version !== version) save(state)
    return state
  }
}
