import type { Region, RegionList } from '@contract'
import { api } from '../../shared/request'

/** One level of the region picker: the provinces (no parent), a province's cities, a city's districts. */
export async function fetchRegions(parent?: string): Promise<Region[]> {
  const list = await api.get<RegionList>('/api/regions', parent ? { parent } : undefined)
  return list.items
}

/** The saved form of a region: its names joined by spaces, "浙江省 杭州市 西湖区". */
export const regionText = (names: readonly string[]) => names.join(' ')
export const regionNames = (text: string) => text.split(/\s+/).filter(Boolean)
