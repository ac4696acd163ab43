import Taro from '@tarojs/taro'
import type { PersistStorage, StorageValue } from 'zustand/middleware'

/** A value as Taro's storage hands it back: undefined when nothing is stored; throws on bad JSON. */
export function parseStored(raw: unknown): unknown {
  // Taro returns '' for a missing key; some platforms hand back the object we stored.
  return typeof raw === 'string' ? (raw ? JSON.parse(raw) : undefined) : raw
}

/**
 * zustand's persist storage over Taro's synchronous storage, so the cart is ready on the first
 * render. Reads never throw: missing, corrupt or foreign data reads as "nothing stored" and the
 * store starts empty instead of crashing. When the storage itself fails to read, nothing is
 * written for the rest of the session, so a passing failure cannot overwrite a saved cart.
 */
export function taroStorage<S>(): PersistStorage<S> {
  let readFailed = false
  return {
    getItem(name): StorageValue<S> | null {
      let raw: unknown
      try {
        raw = Taro.getStorageSync(name)
      } catch (error) {
        readFailed = true
        console.warn(`[storage] could not read "${name}"; changes stay in memory this session:`, error)
        return null
      }
      try {
        const parsed = parseStored(raw)
        if (!parsed || typeof parsed !== 'object' || !('state' in parsed)) return null
        return parsed as StorageValue<S>
      } catch (error) {
        console.warn(`[storage] ignoring unreadable "${name}":`, error)
        return null
      }
    },
    setItem(name, value) {
      if (readFailed) return
      try {
        Taro.setStorageSync(name, JSON.stringify(value))
      } catch (error) {
        // Storage full or unavailable: the cart keeps working in memory.
        console.warn(`[storage] could not save "${name}":`, error)
      }
    },
    removeItem(name) {
      if (!readFailed) Taro.removeStorageSync(name)
    },
  }
}
