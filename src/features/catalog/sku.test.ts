import type { Sku, SkuOption } from '@contract'
import { choose, emptySelection, isValueAvailable, missingOptionNames, selectedSku, skuLabel } from './sku'

const options: SkuOption[] = [
  { name: 'Colour', values: ['Red', 'Blue'] },
  { name: 'Size', values: ['S', 'M'] },
]
const skus: Sku[] = [
  { id: 'r-s', values: ['Red', 'S'], price: 100, stock: 0 },
  { id: 'r-m', values: ['Red', 'M'], price: 100, stock: 2 },
  { id: 'b-s', values: ['Blue', 'S'], price: 120, stock: 1 },
  { id: 'b-m', values: ['Blue', 'M'], price: 120, stock: 0 },
]

describe('SKU selection', () => {
  it('offers only values that lead to stock, given the other choices', () => {
    let selection = emptySelection(options)
    expect(isValueAvailable(skus, selection, 0, 'Red')).toBe(true)
    expect(isValueAvailable(skus, selection, 1, 'S')).toBe(true)
    selection = choose(selection, 0, 'Red')
    expect(isValueAvailable(skus, selection, 1, 'S')).toBe(false) // Red/S is sold out
    expect(isValueAvailable(skus, selection, 1, 'M')).toBe(true)
    // Switching colour is judged against the chosen size only.
    selection = choose(selection, 1, 'M')
    expect(isValueAvailable(skus, selection, 0, 'Blue')).toBe(false)
  })

  it('designates a SKU only when every option is chosen, and can un-choose', () => {
    let selection = choose(emptySelection(options), 0, 'Blue')
    expect(selectedSku(skus, selection)).toBeUndefined()
    expect(missingOptionNames(options, selection)).toEqual(['Size'])
    selection = choose(selection, 1, 'S')
    expect(selectedSku(skus, selection)?.id).toBe('b-s')
    expect(skuLabel(selectedSku(skus, selection)!)).toBe('Blue / S')
    expect(choose(selection, 1, 'S')).toEqual(['Blue', undefined])
  })

  it('pre-selects single-valued options, so a one-SKU product needs no choice', () => {
    const single: SkuOption[] = [{ name: 'Edition', values: ['Standard'] }]
    const selection = emptySelection(single)
    expect(selectedSku([{ id: 'only', values: ['Standard'], price: 1, stock: 1 }], selection)?.id).toBe(
      'only',
    )
    expect(selectedSku([{ id: 'only', values: [], price: 1, stock: 1 }], emptySelection([]))?.id).toBe('only')
  })
})
