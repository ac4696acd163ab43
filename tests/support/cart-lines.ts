import type { CartLine } from '../../src/features/cart'

/** `count` distinct cart lines of one unit each, all selected. */
export const cartLines = (count: number): CartLine[] =>
  Array.from({ length: count }, (_, index) => ({
    skuId: `sku-${index}`,
    productId: `product-${index}`,
    title: `Product ${index}`,
    image: '',
    skuLabel: '',
    price: 100,
    stock: 5,
    quantity: 1,
    selected: true,
  }))
