import type { Region } from '@contract'

/**
 * Finds the picker's regions (GET /api/regions, @vant/area-data) for the names a platform gives.
 * Alipay's my.getAddress returns names only, never codes ("需要开发者自己用名称匹配", AlipayDocs/
 * open-docs mini/api/开放能力API/获取会员收货地址/my.getAddress.md), and its names need not be
 * spelled as the division list spells them: "北京" for 北京市, "内蒙古" for 内蒙古自治区, "延边州"
 * for 延边朝鲜族自治州. A name matches when it is equal, equal once the administrative suffix is
 * dropped, or one such core starts with the other; a level with two candidates matches neither.
 */

/** Administrative suffixes, longest first so that "自治区" goes before "区". */
const SUFFIXES = [
  '特别行政区',
  '维吾尔自治区',
  '壮族自治区',
  '回族自治区',
  '自治区',
  '自治州',
  '自治县',
  '自治旗',
  '地区',
  '新区',
  '林区',
  '省',
  '市',
  '州',
  '盟',
  '区',
  '县',
  '旗',
]

/** A core shorter than this ("东", "西") says too little to be matched by prefix. */
const PREFIX_MIN = 2

/** A name without spaces and its administrative suffix: "内蒙古 自治区" → "内蒙古". */
export function regionCore(name: string): string {
  const compact = name.replace(/\s+/g, '')
  const suffix = SUFFIXES.find((end) => compact.endsWith(end) && compact.length > end.length)
  return suffix ? compact.slice(0, -suffix.length) : compact
}

/** The one region a name stands for, by the rules above; none when it is missing or ambiguous. */
export function matchRegionName(regions: readonly Region[], name: string | undefined): Region | undefined {
  const wanted = name?.replace(/\s+/g, '') ?? ''
  if (!wanted) return undefined
  const only = (found: Region[]) => (found.length === 1 ? found[0] : undefined)
  const exact = regions.filter((region) => region.name === wanted)
  if (exact.length) return only(exact)
  const core = regionCore(wanted)
  const sameCore = regions.filter((region) => regionCore(region.name) === core)
  if (sameCore.length) return only(sameCore)
  if (core.length < PREFIX_MIN) return undefined
  return only(
    regions.filter((region) => {
      const other = regionCore(region.name)
      return other.length >= PREFIX_MIN && (other.startsWith(core) || core.startsWith(other))
    }),
  )
}

/** Names of a city level that is no city but a group ("县", "省直辖县", "市辖区" ...). */
const GROUPING_CITY = /^(县|市辖区|省直辖县|自治区直辖县级行政区划|省直辖县级行政区划)$/

/**
 * A province whose cities are few (the municipalities: 北京 has one, 重庆 two) or only groups:
 * its districts are searched across those cities, whatever city name the platform gave.
 */
const FEW_CITIES = 2

export interface RegionNames {
  province: string
  city: string
  district: string
}

export type LoadRegions = (parent?: string) => Promise<Region[]>

/**
 * The picker's three regions for a platform's province / city / district names, or undefined
 * when they cannot be told apart. Municipalities come as 北京市 / 北京市 / 东城区 (or with the
 * city left out or spelled "市辖区"), and county-level cities under a province's 省直辖县 group
 * (海南省 / 琼海市) are found among the group's districts.
 */
export async function resolveRegion(names: RegionNames, load: LoadRegions): Promise<Region[] | undefined> {
  const province = matchRegionName(await load(), names.province)
  if (!province) return undefined
  const cities = await load(province.code)
  const city = matchRegionName(cities, names.city)
  if (city) {
    const district = matchRegionName(await load(city.code), names.district)
    if (district) return [province, city, district]
  }
  // The district (or, for a county-level city, the city name) in the other cities worth searching.
  const others = cities.filter(
    (candidate) => candidate !== city && (cities.length <= FEW_CITIES || GROUPING_CITY.test(candidate.name)),
  )
  for (const candidate of others) {
    const districts = await load(candidate.code)
    const district = matchRegionName(districts, names.district) ?? matchRegionName(districts, names.city)
    if (district) return [province, candidate, district]
  }
  return undefined
}
