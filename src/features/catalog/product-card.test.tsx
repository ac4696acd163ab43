import type { ProductSummary } from '@contract'
import { act, create, type ReactTestRenderer } from 'react-test-renderer'
import { useLocaleStore } from '../../shared/i18n'
import { ProductCard } from './components/ProductCard'
import { ProductListView } from './components/ProductListView'
import type { ProductListState } from './useProductList'

Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true })

const product = (stock: number): ProductSummary =>
  ({ id: 'p1', title: 'Mug', image: '/mug.png', priceFrom: 1900, stock }) as ProductSummary

let renderer: ReactTestRenderer | undefined
afterEach(() => act(() => renderer?.unmount()))

function render(element: JSX.Element): ReactTestRenderer {
  act(() => {
    renderer = create(element)
  })
  return renderer as ReactTestRenderer
}

/** What the buyer reads: the strings inside host elements (text, button), in order. */
const texts = (tree: ReactTestRenderer) =>
  tree.root
    .findAll((node) => typeof node.type === 'string')
    .flatMap((node) => node.children.filter((child): child is string => typeof child === 'string'))

/** The host element (view, text...) with exactly this class. */
const hostWith = (tree: ReactTestRenderer, className: string) =>
  tree.root.find((node) => typeof node.type === 'string' && node.props.className === className)
const card = (tree: ReactTestRenderer) =>
  tree.root.find((node) => node.type === 'view' && typeof node.props.onClick === 'function')

describe('product card', () => {
  beforeEach(() => useLocaleStore.getState().setLocale('zh-CN'))

  it('looks sold out (greyed, labelled on the picture) when no SKU has stock', () => {
    const tree = render(<ProductCard product={product(0)} onOpen={() => undefined} />)
    expect(card(tree).props.className).toContain('product-card--sold-out')
    const badge = hostWith(tree, 'product-card__badge')
    expect(badge.children).toEqual(['已售罄'])
    // The label sits on the picture, inside its frame.
    const media = hostWith(tree, 'product-card__media')
    expect(media.find((node) => node === badge)).toBe(badge)
  })

  it('looks normal with stock', () => {
    const tree = render(<ProductCard product={product(3)} onOpen={() => undefined} />)
    expect(card(tree).props.className).not.toContain('sold-out')
    expect(texts(tree)).not.toContain('已售罄')
  })
})

describe('product list, empty', () => {
  const empty = { items: [], loading: false, hasMore: false, error: undefined } as unknown as ProductListState

  it('says what was not found and offers the way back', () => {
    useLocaleStore.getState().setLocale('en')
    const clear = jest.fn()
    const tree = render(
      <ProductListView
        list={empty}
        onOpenProduct={() => undefined}
        emptyText='Nothing found for “zz”'
        emptyAction={{ label: 'Clear search', onClick: clear }}
      />,
    )
    expect(hostWith(tree, 'state state--empty')).toBeTruthy()
    expect(texts(tree)).toEqual(['Nothing found for “zz”', 'Clear search'])
    act(() => tree.root.find((node) => node.type === 'button').props.onClick())
    expect(clear).toHaveBeenCalled()
  })
})
