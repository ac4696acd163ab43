import type { FastifyInstance } from 'fastify'
import type { ApiErrorBody, RegionList } from '../../contract'
import { describeEachDatabase } from '../testing/databases'
import { appForSuite } from '../testing/suites'

const regions = async (app: FastifyInstance, query = '') => {
  const res = await app.inject({ method: 'GET', url: `/api/regions${query}` })
  return res
}
const names = (res: { json: <T>() => T }) => res.json<RegionList>().items.map((region) => region.name)

describeEachDatabase('regions API', (getDb) => {
  const suite = appForSuite(getDb)

  it('lists the provinces, then a province’s cities, then a city’s districts (@vant/area-data)', async () => {
    const provinces = await regions(suite.app)
    expect(provinces.statusCode).toBe(200)
    expect(provinces.headers['cache-control']).toContain('max-age')
    const items = provinces.json<RegionList>().items
    expect(items).toHaveLength(34)
    expect(items).toContainEqual({ code: '33', name: '浙江省' })

    const cities = await regions(suite.app, '?parent=33')
    expect(names(cities)).toContain('杭州市')
    const hangzhou = cities.json<RegionList>().items.find((city) => city.name === '杭州市')!
    expect(hangzhou.code).toBe('3301')

    const districts = await regions(suite.app, `?parent=${hangzhou.code}`)
    expect(names(districts)).toContain('西湖区')
    expect(districts.json<RegionList>().items.every((district) => district.code.startsWith('3301'))).toBe(
      true,
    )
  })

  it('names a municipality’s one city after the municipality, not 市辖区', async () => {
    expect(names(await regions(suite.app, '?parent=11'))).toEqual(['北京市'])
    expect(names(await regions(suite.app, '?parent=1101'))).toContain('东城区')
  })

  it('refuses a malformed parent (400) and answers 404 for an unknown one', async () => {
    const malformed = await regions(suite.app, '?parent=33x')
    expect(malformed.statusCode).toBe(400)
    expect(malformed.json<ApiErrorBody>().code).toBe('bad_request')
    const unknown = await regions(suite.app, '?parent=99')
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json<ApiErrorBody>().code).toBe('not_found')
  })
})
