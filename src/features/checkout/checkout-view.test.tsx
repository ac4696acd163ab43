import type { Address, Order, Region } from '@contract'
import { ADDRESS_FIELD_LENGTHS } from '@contract/limits'
import Taro from '@tarojs/taro'
import { act, create, type ReactTestInstance, type ReactTestRenderer } from 'react-test-renderer'
import { cartLines } from '../../../tests/support/cart-lines'
import { SAMPLE_ADDRESS } from '../../../tests/support/sample-address'
import { useLocaleStore } from '../../shared/i18n'
import { addSubpackageTexts } from '../../shared/i18n/subpackage-texts'
import { useCartStore } from '../cart'
import { createOrder, fetchSavedAddress, saveAddress } from './api'
import { fetchBuyNowLine } from './buy-now'
import { CheckoutView } from './components/CheckoutView'
import { CHECKOUT_DRAFT_KEY } from './draft'
import { fetchRegions } from './regions'

jest.mock('./api', () => ({
  fetchSavedAddress: jest.fn(),
  saveAddress: jest.fn(async (address: Address) => address),
  createOrder: jest.fn(),
}))
jest.mock('./regions', () => ({ ...jest.requireActual('./regions'), fetchRegions: jest.fn() }))
jest.mock('./buy-now', () => ({ ...jest.requireActual('./buy-now'), fetchBuyNowLine: jest.fn() }))
jest.mock('../session', () => ({ ensureSession: jest.fn(async () => undefined) }))

addSubpackageTexts()

// Tells React this is a test environment that wraps updates in act().
Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true })

const REGIONS: Record<string, Region[]> = {
  '': [
    { code: '11', name: '北京市' },
    { code: '33', name: '浙江省' },
  ],
  '33': [
    { code: '3301', name: '杭州市' },
    { code: '3302', name: '宁波市' },
  ],
  '3301': [
    { code: '330105', name: '拱墅区' },
    { code: '330106', name: '西湖区' },
  ],
}

let renderer: ReactTestRenderer | undefined
const placed: Order[] = []

beforeEach(() => {
  Taro.clearStorageSync()
  useLocaleStore.getState().setLocale('zh-CN')
  useCartStore.setState({ lines: cartLines(1) })
  placed.length = 0
  jest.mocked(fetchSavedAddress).mockResolvedValue(null)
  jest.mocked(createOrder).mockImplementation(async () => ({ id: 'order-1' }) as Order)
  jest.mocked(fetchRegions).mockImplementation(async (parent?: string) => REGIONS[parent ?? ''] ?? [])
})
afterEach(async () => {
  await act(async () => renderer?.unmount())
  renderer = undefined
  jest.clearAllMocks()
})

/** Opens the checkout (the page's CheckoutView) and waits for the saved address to load. */
async function open(buyNow?: { skuId: string; quantity: number }) {
  await act(async () => {
    renderer = create(<CheckoutView buyNow={buyNow} onPlaced={(order) => placed.push(order)} />)
  })
}

const hosts = (type: string) => renderer!.root.findAll((node) => node.type === type)
const texts = () => hosts('text').map((node) => node.children.join(''))
const input = (placeholder: string) => hosts('input').find((node) => node.props.placeholder === placeholder)!
const tapText = async (text: string) => {
  const [node] = hosts('text').filter((candidate) => candidate.children.join('') === text)
  if (!node) throw new Error(`No "${text}" in ${texts().join(' | ')}`)
  let target: ReactTestInstance | null = node
  while (target && !target.props.onClick) target = target.parent
  await act(async () => target!.props.onClick())
}
const type = async (placeholder: string, value: string) => {
  await act(async () => input(placeholder).props.onInput({ detail: { value } }))
}
const leave = async (placeholder: string) => {
  await act(async () => input(placeholder).props.onBlur({ detail: {} }))
}
const placeOrder = async () => {
  const [button] = hosts('button').filter(
    (node) => node.findAll((child) => child.children?.includes('提交订单')).length,
  )
  if (!button) throw new Error('No 提交订单 button')
  await act(async () => button.props.onClick())
}

const NAME_ERROR = `请填写收货人（最多 ${ADDRESS_FIELD_LENGTHS.name.max} 字）`
const PHONE_ERROR = '请填写 11 位手机号，或以 + 开头的国际号码'
const REGION_ERROR = '请选择所在地区'
const DETAIL_ERROR = `请填写详细地址（至少 ${ADDRESS_FIELD_LENGTHS.detail.min} 个字）`

/** Fills the form as a buyer would: typing, and the region with the picker. */
async function fillAddress() {
  await type('收货人', SAMPLE_ADDRESS.name)
  await type('手机号', SAMPLE_ADDRESS.phone)
  await tapText('请选择省 / 市 / 区')
  for (const name of SAMPLE_ADDRESS.region.split(' ')) await tapText(name)
  await type('详细地址', SAMPLE_ADDRESS.detail)
}

describe('checkout errors', () => {
  it('shows none while typing a first character, and one when the buyer leaves a field', async () => {
    await open()
    await type('手机号', '1')
    expect(texts()).not.toContain(PHONE_ERROR)
    await leave('手机号')
    expect(texts()).toContain(PHONE_ERROR)
    expect(texts()).not.toContain(NAME_ERROR)
  })

  it('shows all on submit, and each disappears as soon as its field is fixed', async () => {
    await open()
    await placeOrder()
    expect(texts()).toEqual(expect.arrayContaining([NAME_ERROR, PHONE_ERROR, REGION_ERROR, DETAIL_ERROR]))
    expect(createOrder).not.toHaveBeenCalled()

    await type('收货人', SAMPLE_ADDRESS.name)
    expect(texts()).not.toContain(NAME_ERROR)
    expect(texts()).toEqual(expect.arrayContaining([PHONE_ERROR, REGION_ERROR, DETAIL_ERROR]))
    await type('手机号', '138')
    expect(texts()).toContain(PHONE_ERROR)
    await type('手机号', SAMPLE_ADDRESS.phone)
    expect(texts()).not.toContain(PHONE_ERROR)
    await tapText('请选择省 / 市 / 区')
    for (const name of SAMPLE_ADDRESS.region.split(' ')) await tapText(name)
    expect(texts()).not.toContain(REGION_ERROR)
    await type('详细地址', SAMPLE_ADDRESS.detail)
    expect(texts()).not.toContain(DETAIL_ERROR)

    await placeOrder()
    expect(placed.map((order) => order.id)).toEqual(['order-1'])
    expect(saveAddress).toHaveBeenCalledWith(SAMPLE_ADDRESS)
  })
})

describe('the region picker', () => {
  it('loads each level from the server and keeps the names as one text', async () => {
    await open()
    await tapText('请选择省 / 市 / 区')
    expect(texts()).toEqual(expect.arrayContaining(['省份', '北京市', '浙江省']))
    await tapText('浙江省')
    expect(texts()).toEqual(expect.arrayContaining(['城市', '杭州市', '宁波市']))
    await tapText('杭州市')
    expect(texts()).toEqual(expect.arrayContaining(['区县', '西湖区']))
    await tapText('西湖区')
    expect(jest.mocked(fetchRegions).mock.calls).toEqual([[undefined], ['33'], ['3301']])
    expect(texts()).toContain('浙江省 杭州市 西湖区')
    expect(texts()).not.toContain('区县')
  })

  it('goes back a level from the chosen names, and cancelling leaves the value and shows its error', async () => {
    await open()
    await tapText('请选择省 / 市 / 区')
    await tapText('浙江省')
    await tapText('浙江省')
    expect(texts()).toEqual(expect.arrayContaining(['省份', '北京市']))
    await tapText('取消')
    expect(texts()).not.toContain('省份')
    expect(texts()).toContain(REGION_ERROR)
  })
})

describe('the address draft', () => {
  it('survives a reload, wins over the saved address, and is gone once the order is placed', async () => {
    jest.mocked(fetchSavedAddress).mockResolvedValue({ ...SAMPLE_ADDRESS, name: '李四' })
    await open()
    expect(input('收货人').props.value).toBe('李四')
    await type('收货人', '王五')

    // A reload: the page mounts again and reads the storage.
    await act(async () => renderer!.unmount())
    await open()
    expect(input('收货人').props.value).toBe('王五')
    expect(input('详细地址').props.value).toBe(SAMPLE_ADDRESS.detail)

    await placeOrder()
    expect(placed).toHaveLength(1)
    expect(Taro.getStorageSync(CHECKOUT_DRAFT_KEY)).toBeFalsy()
  })

  it('keeps what was typed when no address has been saved yet', async () => {
    await open()
    await type('收货人', SAMPLE_ADDRESS.name)
    await type('详细地址', SAMPLE_ADDRESS.detail)
    await act(async () => renderer!.unmount())
    await open()
    expect(input('收货人').props.value).toBe(SAMPLE_ADDRESS.name)
    expect(input('详细地址').props.value).toBe(SAMPLE_ADDRESS.detail)
    expect(input('手机号').props.value).toBe('')
  })
})

describe('buy now', () => {
  it('previews and orders just the one line, and leaves the cart exactly as it was', async () => {
    const cartBefore = useCartStore.getState().lines
    jest.mocked(fetchBuyNowLine).mockResolvedValue({
      ...cartLines(1)[0]!,
      skuId: 'tee-white-m',
      title: 'Bought now',
      quantity: 2,
    })
    await open({ skuId: 'tee-white-m', quantity: 2 })
    expect(texts()).toContain('Bought now')
    expect(texts()).not.toContain('Product 0')
    await fillAddress()
    await placeOrder()
    expect(jest.mocked(createOrder).mock.calls[0]![0].lines).toEqual([{ skuId: 'tee-white-m', quantity: 2 }])
    expect(useCartStore.getState().lines).toBe(cartBefore)
  })

  it('checks out the cart’s selected lines without buy-now parameters, and takes them out of the cart', async () => {
    await open()
    await fillAddress()
    await placeOrder()
    expect(jest.mocked(createOrder).mock.calls[0]![0].lines).toEqual([{ skuId: 'sku-0', quantity: 1 }])
    expect(useCartStore.getState().lines).toEqual([])
    expect(fetchBuyNowLine).not.toHaveBeenCalled()
  })
})
