/**
 * The harness's own rules, without a bundle: setData paths, reading text as a user does, and the
 * page stack's lifecycles (which pages get onHide / onUnload / onShow on each navigation).
 */
import { applyDataPath, findByText, parseDataPath, textContent, type MiniNode } from './data-tree'
import type { MiniPage } from './page'
import { PageStack, parsePageUrl } from './page-stack'
import { Packages } from './packages'

test('setData keys are paths into the tree, creating what is missing', () => {
  expect(parseDataPath('root.cn.[0].cn.[12].v')).toEqual(['root', 'cn', 0, 'cn', 12, 'v'])
  expect(parseDataPath('root.cn[1].cl')).toEqual(['root', 'cn', 1, 'cl'])
  const data: Record<string, unknown> = { root: { cn: [{ sid: 'a', cn: [] }] } }
  applyDataPath(data, 'root.cn.[0].cn.[0]', { sid: 'b', v: 'hi' })
  applyDataPath(data, 'root.cn.[0].cl', 'box')
  applyDataPath(data, 'root.cn.[1].cn.[0].v', 'new')
  expect(data).toEqual({
    root: { cn: [{ sid: 'a', cl: 'box', cn: [{ sid: 'b', v: 'hi' }] }, { cn: [{ v: 'new' }] }] },
  })
})

test('text reads inline text together and elements on their own lines; finds the innermost match', () => {
  const tree: MiniNode = {
    cn: [
      {
        sid: 'card',
        nn: '1',
        cn: [{ sid: 't', nn: '5', cn: [{ v: '黑色 / M' }, { v: ' × ' }, { v: '2' }] }],
      },
      { sid: 'button', nn: '14', cn: [{ v: '去结算' }] },
    ],
  }
  expect(textContent(tree)).toBe('黑色 / M × 2\n去结算')
  expect(findByText(tree, '× 2').map((hit) => hit.node.sid)).toEqual(['t'])
  expect(findByText(tree, '× 2')[0].ancestors.map((node) => node.sid)).toEqual(['card'])
  expect(findByText(tree, '去结算', true).map((hit) => hit.node.sid)).toEqual(['button'])
  expect(findByText(tree, '去', true)).toEqual([])
})

test('a URL names its page and decoded query', () => {
  expect(parsePageUrl('/fixture/pay-result/index?orderId=42&code=9000')).toEqual({
    route: 'fixture/pay-result/index',
    query: { orderId: '42', code: '9000' },
  })
  expect(parsePageUrl('../faq/index?q=a%20b', 'fixture/me/index')).toEqual({
    route: 'fixture/faq/index',
    query: { q: 'a b' },
  })
})

describe('page stack', () => {
  const events: string[] = []
  /** Records lifecycles with MiniPage's guards: only a shown page hides, a page unloads once. */
  const fakePage = (route: string) => {
    let state = 'hidden'
    const record = (name: string, next: string) => {
      events.push(`${route.split('/')[1]}.${name}`)
      state = next
    }
    const page = {
      route,
      load: () => record('load', 'shown'),
      show: () => record('show', 'shown'),
      hide: () => state === 'shown' && record('hide', 'hidden'),
      unload: () => state !== 'unloaded' && record('unload', 'unloaded'),
    }
    return page as unknown as MiniPage
  }
  const routes = ['fixture/home/index', 'fixture/cart/index', 'fixture/product/index', 'fixture/order/index']
  const tabs = new Set(['fixture/home/index', 'fixture/cart/index'])
  const newStack = () =>
    new PageStack(
      routes,
      tabs,
      (route) => fakePage(route),
      () => undefined,
    )
  const take = () => events.splice(0)
  const routesOf = (stack: PageStack) => stack.stack.map((page) => page.route.split('/')[1])

  test('navigateTo hides, navigateBack unloads and shows, redirectTo replaces', () => {
    const stack = newStack()
    stack.reLaunch('/fixture/home/index')
    stack.navigateTo('/fixture/product/index?id=1')
    expect(take()).toEqual(['home.load', 'home.hide', 'product.load'])
    stack.redirectTo('/fixture/order/index')
    expect(take()).toEqual(['product.unload', 'order.load'])
    stack.navigateBack(1)
    expect(take()).toEqual(['order.unload', 'home.show'])
    expect(routesOf(stack)).toEqual(['home'])
    expect(() => stack.navigateTo('/fixture/cart/index')).toThrow(/tab page/)
    expect(() => stack.navigateTo('/fixture/nowhere/index')).toThrow(/not in app.json/)
  })

  test('switchTab keeps tab pages alive and unloads the rest; reLaunch unloads everything', () => {
    const stack = newStack()
    stack.reLaunch('/fixture/home/index')
    stack.navigateTo('/fixture/product/index')
    stack.switchTab('/fixture/cart/index')
    take()
    stack.switchTab('/fixture/home/index')
    expect(take()).toEqual(['cart.hide', 'home.show'])
    stack.navigateTo('/fixture/product/index')
    stack.switchTab('/fixture/cart/index')
    expect(take()).toEqual(['home.hide', 'product.load', 'product.unload', 'cart.show'])
    stack.reLaunch('/fixture/order/index')
    expect(take()).toEqual(['cart.unload', 'home.unload', 'order.load'])
    expect(routesOf(stack)).toEqual(['order'])
  })
})

describe('packages', () => {
  const appJson = {
    pages: ['fixture/home/index'],
    subPackages: [
      { root: 'fixture/order', name: 'order', pages: ['list/index', 'detail/index'] },
      { root: '/fixture/help/', pages: ['faq/index'] },
    ],
    preloadRule: { 'fixture/home/index': { network: 'all', packages: ['order'] } },
  }

  test('lists subpackage pages under their roots and records how each subpackage arrived', () => {
    const packages = new Packages(appJson)
    expect(packages.routes).toEqual([
      'fixture/home/index',
      'fixture/order/list/index',
      'fixture/order/detail/index',
      'fixture/help/faq/index',
    ])
    packages.preloadFor('fixture/home/index')
    packages.open('fixture/home/index')
    packages.open('fixture/order/list/index')
    packages.open('fixture/order/detail/index')
    packages.open('fixture/help/faq/index')
    expect(packages.loads).toEqual([
      { root: 'fixture/order', byRoute: 'fixture/order/list/index', preloaded: true },
      { root: 'fixture/help', byRoute: 'fixture/help/faq/index', preloaded: false },
    ])
  })

  test('refuses a require across subpackages and a preloadRule naming no subpackage', () => {
    const packages = new Packages(appJson)
    expect(() => packages.checkRequire('fixture/order/list/index.js', 'common.js')).not.toThrow()
    expect(() =>
      packages.checkRequire('fixture/order/list/index.js', 'fixture/order/sub-vendors.js'),
    ).not.toThrow()
    expect(() => packages.checkRequire('app.js', 'fixture/order/sub-vendors.js')).toThrow(/subpackage/)
    expect(() => packages.checkRequire('fixture/help/faq/index.js', 'fixture/order/sub-vendors.js')).toThrow(
      /subpackage fixture\/order/,
    )
    const badRule = { ...appJson, preloadRule: { 'fixture/home/index': { packages: ['nowhere'] } } }
    expect(() => new Packages(badRule)).toThrow(/no subpackage/)
  })
})
