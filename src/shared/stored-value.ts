import Taro from '@tarojs/taro'
import { parseStored } from './storage'

/**
 * One small JSON value kept in Taro storage across restarts, for state that is not a store of its
 * own. Never throws: an unreadable or unexpected value reads as "nothing stored", and a failed
 * write only means the value lives as long as the app does.
 */
export interface StoredValue<T> {
  get(): T | undefined
  set(value: T): void
  clear(): void
}

export function storedValue<T>(key: string, isValid: (value: unknown) => value is T): StoredValue<T> {
  return {
    get() {
      try {
        const value = parseStored(Taro.getStorageSync(key))
        return isValid(value) ? value : undefined
      } catch {
        return undefined
      }
    },
    set(value) {
      try {
        Taro.setStorageSync(key, JSON.stringify(value))
      } catch {
        // Storage full or unavailable: kept for this session only (the caller keeps it in memory).
      }
    },
    clear() {
      try {
        Taro.removeStorageSync(key)
      } catch {
        // Nothing to do: an unreadable leftover reads as nothing stored anyway.
      }
    },
  }
}
