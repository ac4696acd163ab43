import type { Region } from '@contract'
import { matchRegionName, regionCore, resolveRegion, type LoadRegions } from './region-match'

/**
 * The division list the server serves (server/regions/plugin.ts builds GET /api/regions from the
 * same @vant/area-data), so these cases run against the real names, not a hand-made sample.
 */
function vantRegions(): { load: LoadRegions; loads: (string | undefined)[] } {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { areaList } = require('@vant/area-data') as {
    areaList: Record<'province_list' | 'city_list' | 'county_list', Record<string, string>>
  }
  const children = new Map<string, Region[]>()
  const add = (parent: string, code: string, name: string) =>
    children.set(parent, [...(children.get(parent) ?? []), { code, name }])
  for (const [code, name] of Object.entries(areaList.province_list)) add('', code.slice(0, 2), name)
  for (const [code, name] of Object.entries(areaList.city_list)) add(code.slice(0, 2), code.slice(0, 4), name)
  for (const [code, name] of Object.entries(areaList.county_list)) add(code.slice(0, 4), code, name)
  const loads: (string | undefined)[] = []
  return {
    loads,
    load: async (parent) => {
      loads.push(parent)
      return children.get(parent ?? '') ?? []
    },
  }
}

const names = (regions: Region[] | undefined) => regions?.map((region) => region.name).join(' ')

describe('resolveRegion against the server’s division list', () => {
  it.each([
    ['the names as the list spells them', ['浙江省', '杭州市', '西湖区'], '浙江省 杭州市 西湖区'],
    ['a municipality: 北京市 / 北京市 / 东城区', ['北京市', '北京市', '东城区'], '北京市 北京市 东城区'],
    ['a municipality without 市, its city as 市辖区', ['北京', '市辖区', '朝阳区'], '北京市 北京市 朝阳区'],
    ['a municipality with the district as its city', ['上海市', '浦东新区', ''], '上海市 上海市 浦东新区'],
    ['重庆’s counties, listed under its second city', ['重庆市', '重庆市', '城口县'], '重庆市 县 城口县'],
    [
      'short names of an autonomous region and prefecture',
      ['新疆', '伊犁州', '伊宁市'],
      '新疆维吾尔自治区 伊犁哈萨克自治州 伊宁市',
    ],
    ['short names without suffixes', ['广西', '南宁', '青秀'], '广西壮族自治区 南宁市 青秀区'],
    ['a county-level city under 省直辖县', ['海南省', '琼海市', '嘉积镇'], '海南省 省直辖县 琼海市'],
    ['spaces inside names', ['浙江 省', '杭州 市', '西湖 区'], '浙江省 杭州市 西湖区'],
  ])('%s', async (_case, [province, city, district], expected) => {
    const { load } = vantRegions()
    expect(names(await resolveRegion({ province, city, district }, load))).toBe(expected)
  })

  it('asks for three levels in the common case', async () => {
    const { load, loads } = vantRegions()
    await resolveRegion({ province: '浙江省', city: '杭州市', district: '西湖区' }, load)
    expect(loads).toEqual([undefined, '33', '3301'])
  })

  it.each([
    ['an unknown province', ['火星省', '杭州市', '西湖区']],
    ['a district of another city', ['浙江省', '杭州市', '鄞州区']],
    ['no district', ['浙江省', '杭州市', '']],
    ['nothing at all', ['', '', '']],
  ])('finds nothing for %s', async (_case, [province, city, district]) => {
    const { load } = vantRegions()
    expect(await resolveRegion({ province, city, district }, load)).toBeUndefined()
  })

  it('does not search every city of an ordinary province for a district', async () => {
    const { load, loads } = vantRegions()
    await resolveRegion({ province: '浙江省', city: '火星市', district: '西湖区' }, load)
    expect(loads).toEqual([undefined, '33'])
  })
})

describe('matchRegionName', () => {
  const regions: Region[] = [
    { code: '1', name: '朝阳区' },
    { code: '2', name: '朝阳县' },
    { code: '3', name: '东城区' },
  ]

  it('prefers the exact name over a shared core', () => {
    expect(matchRegionName(regions, '朝阳区')?.code).toBe('1')
  })

  it('matches none of two that share a core', () => {
    expect(matchRegionName(regions, '朝阳')).toBeUndefined()
  })

  it('does not match by a one-character prefix', () => {
    expect(matchRegionName(regions, '东')).toBeUndefined()
  })

  it('keeps a name that is only a suffix', () => {
    expect(regionCore('县')).toBe('县')
    expect(regionCore('内蒙古自治区')).toBe('内蒙古')
  })
})
