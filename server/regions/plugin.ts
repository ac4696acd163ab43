/**
 * `GET /api/regions?parent=<code>`: one level of China's administrative divisions, from
 * `@vant/area-data` (the province / city / county list Vant maintains on npm, 6-digit GB/T 2260
 * codes; about 0.3 MB installed), served so the app loads each level of its picker on demand
 * instead of carrying the whole list in its bundle. A province answers as its first 2 digits, a
 * city as its first 4, a district as all 6.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ApiErrorBody, RegionList, RegionQuery, type Region } from '../../contract'
import { notFound } from '../http/errors'
import { nativeRequire } from '../native-require'

interface AreaList {
  province_list: Record<string, string>
  city_list: Record<string, string>
  county_list: Record<string, string>
}

/** Children of each code ('' for the provinces), built once on first use. */
let tree: Map<string, Region[]> | undefined

function divisions(): Map<string, Region[]> {
  if (tree) return tree
  const { areaList } = nativeRequire('@vant/area-data') as { areaList: AreaList }
  const children = new Map<string, Region[]>()
  const add = (parent: string, region: Region) => {
    const list = children.get(parent) ?? []
    list.push(region)
    children.set(parent, list)
  }
  for (const [code, name] of Object.entries(areaList.province_list)) add('', { code: code.slice(0, 2), name })
  for (const [code, name] of Object.entries(areaList.city_list))
    add(code.slice(0, 2), { code: code.slice(0, 4), name })
  for (const [code, name] of Object.entries(areaList.county_list)) add(code.slice(0, 4), { code, name })
  for (const list of children.values()) list.sort((a, b) => a.code.localeCompare(b.code))
  tree = children
  return tree
}

export const regionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/regions',
    {
      schema: {
        tags: ['regions'],
        summary: 'Provinces (no parent), a province’s cities or a city’s districts',
        querystring: RegionQuery,
        response: { 200: RegionList, 400: ApiErrorBody, 404: ApiErrorBody },
      },
    },
    async (request, reply) => {
      const items = divisions().get(request.query.parent ?? '')
      if (!items) throw notFound(`No region with code "${request.query.parent}".`)
      // The divisions change with a package update, not between requests.
      void reply.header('cache-control', 'public, max-age=86400')
      return { items }
    },
  )
}
