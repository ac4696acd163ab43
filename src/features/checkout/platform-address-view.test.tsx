/**
 * "Use my Alipay address" at checkout (the real CheckoutView, the Alipay source over the Taro
 * stand-in's my.getAddress): 9000 fills the form, which stays editable and is what the order
 * carries; 6001 changes nothing and says nothing; a failure says so and changes nothing.
 */
import type { Address, Order, Region } from '@contract'
import Taro from '@tarojs/taro'
import { act, create, type ReactTestInstance, type ReactTestRenderer } from 'react-test-renderer'
import { cartLines } from '../../../tests/support/cart-lines'
import { addressBook } from '../../../tests/support/taro-node'
import { useLocaleStore } from '../../shared/i18n'
import { addSubpackageTexts } from '../../shared/i18n/subpackage-texts'
import { pageUrl } from '../../shared/routes'
import { useCartStore } from '../cart'
import { createOrder, fetchSavedAddress, saveAddress } from './api'
import { CheckoutView } from './components/CheckoutView'
import { addressDraft } from './draft'
import { fetchRegions } from './regions'
import { ALIPAY_ADDRESS_RESULT, ALIPAY_ADDRESS_FILLED } from '../../../tests/support/sample-address'

jest.mock('./api', () => ({
  fetchSavedAddress: jest.fn(),
  saveAddress: jest.fn(async (address: Address) => address),
  createOrder: jest.fn(),
}))
jest.mock('./regions', () => ({ ...jest.requireActual('./regions'), fetchRegions: jest.fn() }))
jest.mock('../session', () => ({ ensureSession: jest.fn(async () => undefined) }))

addSubpackageTexts()
Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true })

const REGIONS: Record<string, Region[]> = {
  '': [
    { code: '11', name: '北京市' },
    { code: '33', name: '浙江省' },
  ],
  '11': [{ code: '1101', name: '北京市' }],
  '1101': [{ code: '110101', name: '东城区' }],
  '33': [{ code: '3301', name: '杭州市' }],
  '3301': [{ code: '330106', name: '西湖区' }],
}

const TYPED: Address = { name: '李四', phone: '13900000000', region: '', detail: '文一路 1 号' }

const ACTION = '使用支付宝地址'
const PRIVACY_LINK = '隐私说明 ›'

let renderer: ReactTestRenderer | undefined
const taroEnv = process.env.TARO_ENV

beforeEach(() => {
  process.env.TARO_ENV = 'alipay'
  Taro.clearStorageSync()
  useLocaleStore.getState().setLocale('zh-CN')
  useCartStore.setState({ lines: cartLines(1) })
  addressBook.calls = 0
  jest.mocked(fetchSavedAddress).mockResolvedValue(null)
  jest.mocked(createOrder).mockImplementation(async () => ({ id: 'order-1' }) as Order)
  jest.mocked(fetchRegions).mockImplementation(async (parent?: string) => REGIONS[parent ?? ''] ?? [])
})
afterEach(async () => {
  await act(async () => renderer?.unmount())
  renderer = undefined
  process.env.TARO_ENV = taroEnv
  jest.clearAllMocks()
})

async function open() {
  await act(async () => {
    renderer = create(<CheckoutView onPlaced={() => undefined} />)
  })
}
const hosts = (type: string) => renderer!.root.findAll((node) => node.type === type)
const texts = () => hosts('text').map((node) => node.children.join(''))
const input = (placeholder: string) => hosts('input').find((node) => node.props.placeholder === placeholder)!
const regionShown = () =>
  hosts('text')
    .find((node) => node.props.className === 'region-trigger__text')!
    .children.join('')
const formValue = (): Address => ({
  name: input('收货人').props.value,
  phone: input('手机号').props.value,
  region: regionShown() === '请选择省 / 市 / 区' ? '' : regionShown(),
  detail: input('详细地址').props.value,
})
async function tapText(text: string) {
  const node = hosts('text').find((candidate) => candidate.children.join('') === text)
  if (!node) throw new Error(`No "${text}" in ${texts().join(' | ')}`)
  let target: ReactTestInstance | null = node
  while (target && !target.props.onClick) target = target.parent
  await act(async () => target!.props.onClick())
}
async function typeAddress(address: Address) {
  for (const [placeholder, field] of [
    ['收货人', 'name'],
    ['手机号', 'phone'],
    ['详细地址', 'detail'],
  ] as const)
    await act(async () => input(placeholder).props.onInput({ detail: { value: address[field] } }))
}
async function placeOrder() {
  const button = hosts('button').find(
    (node) => node.findAll((child) => child.children?.includes('提交订单')).length,
  )
  await act(async () => button!.props.onClick())
}

it('9000 fills name, phone, region and detail; the buyer can still edit, and the order carries it', async () => {
  addressBook.answer = async () => ({ resultStatus: 9000, result: ALIPAY_ADDRESS_RESULT })
  await open()
  await typeAddress(TYPED)
  await tapText(ACTION)
  expect(addressBook.calls).toBe(1)
  expect(formValue()).toEqual(ALIPAY_ADDRESS_FILLED)
  expect(addressDraft.get()).toEqual(ALIPAY_ADDRESS_FILLED)

  await act(async () => input('收货人').props.onInput({ detail: { value: '王五' } }))
  expect(formValue()).toEqual({ ...ALIPAY_ADDRESS_FILLED, name: '王五' })
  await placeOrder()
  expect(saveAddress).toHaveBeenCalledWith({ ...ALIPAY_ADDRESS_FILLED, name: '王五' })
  expect(createOrder).toHaveBeenCalledTimes(1)
})

it('9000 with a municipality matches 北京市 / 北京市 / 东城区', async () => {
  addressBook.answer = async () => ({
    resultStatus: '9000',
    result: {
      ...ALIPAY_ADDRESS_RESULT,
      prov: '北京',
      city: '北京市',
      area: '东城区',
      address: '北京市东城区东长安街1号',
    },
  })
  await open()
  await tapText(ACTION)
  expect(formValue()).toEqual({
    ...ALIPAY_ADDRESS_FILLED,
    region: '北京市 北京市 东城区',
    detail: '东长安街1号',
  })
})

it('9000 with a region it cannot match fills the rest and asks the buyer to pick the region', async () => {
  addressBook.answer = async () => ({
    resultStatus: 9000,
    result: { ...ALIPAY_ADDRESS_RESULT, prov: '火星省', city: '奥林匹斯市', area: '' },
  })
  // A saved address with a region, which must not stay beside Alipay's other fields.
  jest.mocked(fetchSavedAddress).mockResolvedValue({ ...TYPED, region: '北京市 北京市 东城区' })
  await open()
  expect(formValue().region).toBe('北京市 北京市 东城区')
  await tapText(ACTION)
  expect(formValue()).toEqual({
    ...ALIPAY_ADDRESS_FILLED,
    region: '',
    detail: '浙江省杭州市西湖区西溪路556号',
  })
  expect(texts()).toContain('未能识别地区“火星省 奥林匹斯市”，请在下方选择所在地区')
})

it('6001 leaves the form exactly as it was and says nothing', async () => {
  addressBook.answer = async () => ({ resultStatus: 6001, result: '' })
  await open()
  await typeAddress(TYPED)
  const before = texts()
  await tapText(ACTION)
  expect(addressBook.calls).toBe(1)
  expect(formValue()).toEqual(TYPED)
  expect(addressDraft.get()).toEqual(TYPED)
  expect(texts()).toEqual(before)
})

it.each([
  // A refusal is the buyer's choice: a note, not an error.
  [{ error: 4, errorMessage: '无权限调用该接口。' }, '没有获得支付宝地址授权，你可以直接填写地址', false],
  [{ error: 3, errorMessage: '未知错误' }, '暂时无法读取支付宝地址（错误 3），请直接填写', true],
])('a failure (%p) says so readably and leaves the form as it was', async (failure, message, problem) => {
  addressBook.answer = () => Promise.reject(failure)
  await open()
  await typeAddress(TYPED)
  await tapText(ACTION)
  expect(formValue()).toEqual(TYPED)
  const notice = hosts('text').find((node) => node.children.join('') === message)
  expect(notice?.props.className.includes('checkout-card__notice--problem')).toBe(problem)
})

// WeChat's build is checked in its compiled bundle (tests/build/alipay-runtime-address.test.ts): its
// region picker is the platform's own, which this renderer has no stand-in for.
it('is not offered outside Alipay, while the privacy notice is linked everywhere', async () => {
  const navigateTo = jest.spyOn(Taro, 'navigateTo')
  for (const platform of ['h5', 'alipay'] as const) {
    process.env.TARO_ENV = platform
    await open()
    expect(texts().includes(ACTION)).toBe(platform === 'alipay')
    await tapText(PRIVACY_LINK)
    await act(async () => renderer!.unmount())
  }
  expect(navigateTo.mock.calls).toEqual(Array(2).fill([{ url: pageUrl('privacy') }]))
})
