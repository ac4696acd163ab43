import Taro from '@tarojs/taro'
import type { PersistStorage, StorageValue } from 'zustand/middleware'

/**
 * zustand's persist storage over Taro's synchronous storage, so the cart is ready on the first
 * render. Reads never throw: missing, unreadable or foreign data reads as "nothing stored",
 * and the store starts empty instead of crashing.
 */
export function taroStorage<S>(): PersistStorage<S> {
  return {
    getItem(name): StorageValue<S> | null {
      try {
        const raw: unknown = Taro.getStorageSync(name)
        // Taro returns '' for a missing key; some platforms hand back the object we stored.
        const parsed: unknown = typeof raw === 'string' ? (raw ? JSON.parse(raw) : null) : raw
        if (!parsed || typeof parsed !== 'object' || !('state' in parsed)) return null
        return parsed as StorageValue<S>
      } catch (error) {
        console.warn(`[storage] ignoring unreadable "${name}":`, error)
        return null
      }
    },
    setItem(name, value) {
      try {
        Taro.setStorageSync(name, JSON.stringify(value))
      } catch (error) {
        // Storage full or unavailable: the cart keeps working in memory.
        console.warn(`[storage] could not save "${name}":`, error)
      }
    },
    removeItem(name) {
      Taro.removeStorageSync(name)
    },
  }
}
