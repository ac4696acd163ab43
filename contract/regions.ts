import { Type, type Static } from '@sinclair/typebox'

/**
 * China's administrative divisions (GB/T 2260), one level at a time, for the checkout's province /
 * city / district picker. The saved address keeps the names as one text, "浙江省 杭州市 西湖区".
 */
export const Region = Type.Object(
  {
    /** 2 digits for a province, 4 for a city, 6 for a district. */
    code: Type.String(),
    name: Type.String(),
  },
  { title: 'Region' },
)
export type Region = Static<typeof Region>

export const RegionList = Type.Object({ items: Type.Array(Region) }, { title: 'RegionList' })
export type RegionList = Static<typeof RegionList>

/** Query of `GET /api/regions`: no parent for the provinces, a province's code for its cities, a city's for its districts. */
export const RegionQuery = Type.Object(
  { parent: Type.Optional(Type.String({ pattern: '^(\\d{2}|\\d{4})$' })) },
  { additionalProperties: false },
)
export type RegionQuery = Static<typeof RegionQuery>
