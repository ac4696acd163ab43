import type { CreateOrderRequest } from '@contract'

/** A two-line cart, like a typical checkout. The benchmark gives both SKUs endless stock. */
export const BENCH_ORDER: CreateOrderRequest = {
  lines: [
    { skuId: 'mug-ceramic-white', quantity: 1 },
    { skuId: 'tote-canvas-std', quantity: 2 },
  ],
  address: { name: '张三', phone: '13800138000', region: '浙江省 杭州市', detail: '文三路 100 号' },
}
