import { act, create, type ReactTestRenderer } from 'react-test-renderer'
import { useLocaleStore } from '../../shared/i18n'
import { shopConfig, type ShopBanner } from '../../shop.config'
import { HomeBanner } from './components/HomeBanner'

Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true })

// The API's address, as a build's TARO_APP_API_BASE_URL gives it.
jest.mock('../../shared/config', () => ({ appConfig: { ok: true, apiBaseUrl: 'https://api.example.com' } }))

let renderer: ReactTestRenderer | undefined
afterEach(() => act(() => renderer?.unmount()))

function render(onOpenProduct: (id: string) => void = () => undefined): ReactTestRenderer {
  act(() => {
    renderer = create(<HomeBanner onOpenProduct={onOpenProduct} />)
  })
  return renderer as ReactTestRenderer
}

const texts = (tree: ReactTestRenderer) =>
  tree.root
    .findAll((node) => typeof node.type === 'string')
    .flatMap((node) => node.children.filter((child): child is string => typeof child === 'string'))

const items = (tree: ReactTestRenderer) =>
  tree.root.findAll((node) => typeof node.type === 'string' && node.props.className === 'home-banner__item')

describe('home banner', () => {
  const configured = shopConfig.banners
  const second: ShopBanner = {
    productId: 'mug-ceramic',
    image: 'mug-ceramic.png',
    title: { 'zh-CN': '厨房好物', en: 'For the kitchen' },
    subtitle: { 'zh-CN': '陶瓷马克杯', en: 'Ceramic mugs' },
  }
  beforeEach(() => useLocaleStore.getState().setLocale('zh-CN'))
  afterEach(() => {
    shopConfig.banners = configured
  })

  it('shows each configured promotion in the buyer’s language, with its picture from the server', () => {
    shopConfig.banners = [configured[0], second]
    const tree = render()
    expect(items(tree)).toHaveLength(2)
    expect(texts(tree)).toEqual([
      configured[0].title['zh-CN'],
      configured[0].subtitle['zh-CN'],
      '厨房好物',
      '陶瓷马克杯',
    ])
    const images = tree.root.findAll((node) => node.type === 'image')
    expect(images.map((image) => image.props.src as string)).toEqual([
      `https://api.example.com/images/${configured[0].image}`,
      'https://api.example.com/images/mug-ceramic.png',
    ])

    act(() => useLocaleStore.getState().setLocale('en'))
    expect(texts(tree)).toContain('For the kitchen')
  })

  it('opens the promoted product when tapped', () => {
    shopConfig.banners = [configured[0], second]
    const opened: string[] = []
    const tree = render((id) => opened.push(id))
    act(() => items(tree)[1].props.onClick())
    expect(opened).toEqual(['mug-ceramic'])
  })

  it('takes no room when the shop configures none', () => {
    shopConfig.banners = []
    expect(render().toJSON()).toBeNull()
  })
})
