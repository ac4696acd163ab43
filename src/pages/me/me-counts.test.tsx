/**
 * The "me" tab's order shortcuts: one per step with its count from GET /api/orders/counts, asked
 * on every show while logged in and never while logged out.
 */
import type { OrderCounts, Session } from '@contract'
import { act, create, type ReactTestRenderer } from 'react-test-renderer'
import { showPages } from '../../../tests/support/taro-node'
import { useSessionStore } from '../../features/session'
import { useLocaleStore } from '../../shared/i18n'
import { api } from '../../shared/request'
import MePage from './index'

Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true })

const SESSION = {
  token: 't',
  expiresAt: '2099-01-01T00:00:00.000Z',
  buyer: { id: '1', alipayIdMasked: '2088****0001' },
} as Session
const COUNTS: OrderCounts = { awaiting_payment: 2, paid: 0, shipped: 1, after_sales: 120 }

let renderer: ReactTestRenderer | undefined
let get: jest.SpyInstance
beforeEach(() => {
  useLocaleStore.getState().setLocale('zh-CN')
  get = jest.spyOn(api, 'get').mockImplementation(async (path: string) => {
    if (path === '/api/orders/counts') return COUNTS
    throw new Error(`unexpected request ${path}`)
  })
})
afterEach(() => {
  act(() => renderer?.unmount())
  get.mockRestore()
  useSessionStore.getState().clear()
})

async function render(): Promise<ReactTestRenderer> {
  await act(async () => {
    renderer = create(<MePage />)
  })
  return renderer as ReactTestRenderer
}

/** Each shortcut's label and its count ('' without one). */
const shortcuts = (tree: ReactTestRenderer) =>
  tree.root
    .findAll((node) => node.type === 'view' && node.props.className === 'me__shortcut')
    .map((shortcut) => {
      const count = shortcut.findAll((node) => node.type === 'text' && node.props.className === 'me__count')
      const label = shortcut.findAll((node) => node.type === 'text' && !node.props.className)
      return `${label[0].children.join('')}:${count.length ? count[0].children.join('') : ''}`
    })
const countRequests = () => get.mock.calls.filter(([path]) => path === '/api/orders/counts').length

it('shows each step’s count beside its icon when logged in, asking again on every show', async () => {
  useSessionStore.getState().set(SESSION)
  const tree = await render()
  expect(shortcuts(tree)).toEqual(['待付款:2', '待发货:', '待收货:1', '售后:99+'])
  expect(
    tree.root.findAll((node) => node.type === 'view' && /me__icon--shipped/.test(node.props.className)),
  ).toHaveLength(1)
  expect(countRequests()).toBe(1)
  await act(async () => showPages())
  expect(countRequests()).toBe(2)
})

it('asks nothing while logged out, and forgets the counts on logout', async () => {
  const tree = await render()
  expect(shortcuts(tree)).toEqual(['待付款:', '待发货:', '待收货:', '售后:'])
  await act(async () => showPages())
  expect(countRequests()).toBe(0)

  await act(async () => useSessionStore.getState().set(SESSION))
  expect(countRequests()).toBe(1)
  expect(shortcuts(tree)).toEqual(['待付款:2', '待发货:', '待收货:1', '售后:99+'])
  await act(async () => useSessionStore.getState().clear())
  expect(shortcuts(tree)).toEqual(['待付款:', '待发货:', '待收货:', '售后:'])
  expect(countRequests()).toBe(1)
})
