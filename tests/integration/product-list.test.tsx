/**
 * The home page's product list (useProductList) against the real reference server and database:
 * paging, reach-bottom races, category filters and the language, over real HTTP.
 */
import { act, create, type ReactTestRenderer } from 'react-test-renderer'
import type { ProductListState } from '../../src/features/catalog/useProductList'
import { startShopServer, type ShopServer } from '../support/shop-server'

// Tells React this is a test environment that wraps updates in act().
Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true })

let server: ShopServer
let useProductList: typeof import('../../src/features/catalog/useProductList').useProductList
let useLocaleStore: typeof import('../../src/shared/i18n').useLocaleStore
const mounted: ReactTestRenderer[] = []

beforeAll(async () => {
  server = await startShopServer()
  // The app reads its API address at load time, as from .env in a real build.
  process.env.TARO_APP_API_BASE_URL = server.baseUrl
  useProductList = require('../../src/features/catalog/useProductList').useProductList
  useLocaleStore = require('../../src/shared/i18n').useLocaleStore
})
afterAll(() => server.close())
beforeEach(() => {
  useLocaleStore.getState().setLocale('zh-CN')
  server.requests.length = 0
})
afterEach(async () => {
  await act(async () => mounted.splice(0).forEach((renderer) => renderer.unmount()))
})

/** Renders the hook and exposes its latest state. */
async function renderList(filter: { categoryId?: string; q?: string }) {
  const latest: { current?: ProductListState } = {}
  function Probe(props: { filter: typeof filter }) {
    latest.current = useProductList(props.filter)
    return null
  }
  let renderer!: ReactTestRenderer
  await act(async () => {
    renderer = create(<Probe filter={filter} />)
  })
  mounted.push(renderer)
  const settle = async () => {
    for (let i = 0; i < 200 && latest.current!.loading; i++) {
      await act(() => new Promise((resolve) => setTimeout(resolve, 10)))
    }
  }
  await settle()
  return {
    state: () => latest.current!,
    settle,
    rerender: async (next: typeof filter) => {
      await act(async () => renderer.update(<Probe filter={next} />))
      await settle()
    },
  }
}

const productPages = () =>
  server.requests.filter((line) => line.startsWith('GET /api/products?')).map((line) => line.split(' ')[1])

describe('useProductList against the reference server', () => {
  it('loads page by page until the end, once per page even when reach-bottom fires twice', async () => {
    const list = await renderList({})
    expect(list.state().items).toHaveLength(20)
    expect(list.state().hasMore).toBe(true)
    await act(async () => {
      // Two reach-bottom events before React re-renders.
      void list.state().loadMore()
      void list.state().loadMore()
    })
    await list.settle()
    const ids = list.state().items.map((item) => item.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.length).toBe(36)
    expect(list.state().hasMore).toBe(false)
    await act(() => list.state().loadMore())
    expect(productPages()).toEqual(['/api/products?page=1&pageSize=20', '/api/products?page=2&pageSize=20'])
  })

  it('starts again from page 1 for a category, and refreshes from page 1', async () => {
    const list = await renderList({})
    await list.rerender({ categoryId: 'apparel' })
    expect(list.state().items.length).toBeGreaterThan(0)
    expect(list.state().items.every((item) => item.categoryId === 'apparel')).toBe(true)
    await act(() => list.state().refresh())
    await list.settle()
    expect(productPages().at(-1)).toBe('/api/products?categoryId=apparel&page=1&pageSize=20')
  })

  it('fetches again in the buyer’s language', async () => {
    const list = await renderList({ categoryId: 'apparel' })
    const chinese = list.state().items[0].title
    await act(async () => useLocaleStore.getState().setLocale('en'))
    await list.settle()
    expect(list.state().items[0].title).not.toBe(chinese)
    expect(list.state().items[0].title).toMatch(/^[\x20-\x7e]+$/)
  })

  it('reports a refused filter as an error, and retries page 1', async () => {
    const list = await renderList({ categoryId: 'NOT VALID' })
    expect(list.state().items).toEqual([])
    expect(list.state().error).toMatchObject({ kind: 'client', status: 400, code: 'bad_request' })
    await act(() => list.state().retry())
    await list.settle()
    expect(productPages().filter((url) => url.includes('page=1&')).length).toBe(2)
  })
})
