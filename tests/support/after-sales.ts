/**
 * Orders and after-sales requests as the API returns them, for the app's after-sales tests: a
 * shipped order of two lines, its allowance, and a request in any state.
 */
import type { AfterSalesRequest, Order, OrderAfterSales } from '@contract'
import { SAMPLE_ADDRESS } from './sample-address'

const AT = '2026-12-01T08:00:00.000Z'

/** Line 1: 2 × ¥79.00 T-shirts; line 2: 1 × ¥129.00 mug. */
export function shippedOrder(overrides: Partial<Order> = {}): Order {
  return {
    id: 'O202612010001',
    status: 'shipped',
    lines: [
      {
        lineNo: 1,
        skuId: 'tshirt-black-m',
        productId: 'tshirt-classic',
        title: 'Classic T-shirt',
        skuLabel: 'Black / M',
        image: 'https://shop.example/tshirt.png',
        unitPrice: 7900,
        quantity: 2,
        lineTotal: 15800,
      },
      {
        lineNo: 2,
        skuId: 'mug-white',
        productId: 'mug',
        title: 'Mug',
        skuLabel: 'White',
        image: 'https://shop.example/mug.png',
        unitPrice: 12900,
        quantity: 1,
        lineTotal: 12900,
      },
    ],
    itemCount: 3,
    total: 28700,
    address: SAMPLE_ADDRESS,
    createdAt: AT,
    expiresAt: AT,
    paidAt: AT,
    shipment: { carrier: '顺丰速运', trackingNo: 'SF1234567890', shippedAt: AT },
    ...overrides,
  }
}

/** Everything claimable, both kinds allowed, no request yet. */
export function allowance(overrides: Partial<OrderAfterSales> = {}): OrderAfterSales {
  return {
    orderId: 'O202612010001',
    kinds: ['refund_only', 'return_and_refund'],
    lines: [
      { lineNo: 1, claimable: 2, open: false },
      { lineNo: 2, claimable: 1, open: false },
    ],
    refunded: 0,
    requests: [],
    ...overrides,
  }
}

/** A return-and-refund request for one T-shirt, as the buyer just asked for it. */
export function afterSalesRequest(overrides: Partial<AfterSalesRequest> = {}): AfterSalesRequest {
  return {
    id: '42',
    orderId: 'O202612010001',
    kind: 'return_and_refund',
    status: 'requested',
    reason: 'damaged',
    lines: [
      {
        lineNo: 1,
        skuId: 'tshirt-black-m',
        title: 'Classic T-shirt',
        skuLabel: 'Black / M',
        image: 'https://shop.example/tshirt.png',
        unitPrice: 7900,
        quantity: 1,
        refundAmount: 7900,
      },
    ],
    refundAmount: 7900,
    createdAt: AT,
    updatedAt: AT,
    events: [{ type: 'requested', at: AT, by: 'buyer' }],
    ...overrides,
  }
}
