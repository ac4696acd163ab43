import { Image, Space, Typography, type TableColumnsType } from 'antd'
import type { Translate } from '../i18n'
import type { Fen } from './money'
import { Amount } from './ui'

/** What an order line and an after-sales line share. */
interface ProductLine {
  title: string
  skuLabel: string
  image: string
  unitPrice: Fen
  quantity: number
}

/**
 * The columns of a table of product lines (an order's, an after-sales request's): the product with
 * its image and SKU, unit price, quantity, and the line's own amount under `amountTitle`.
 */
export function productLineColumns<Line extends ProductLine>(
  t: Translate,
  amountOf: (line: Line) => Fen,
  amountTitle: string,
): TableColumnsType<Line> {
  return [
    {
      title: t('orders.product'),
      key: 'product',
      render: (_, line) => (
        <Space>
          <Image src={line.image} width={48} height={48} style={{ objectFit: 'cover', borderRadius: 4 }} />
          <Space orientation='vertical' size={0}>
            <span>{line.title}</span>
            <Typography.Text type='secondary'>{line.skuLabel}</Typography.Text>
          </Space>
        </Space>
      ),
    },
    {
      title: t('orders.unitPrice'),
      key: 'unitPrice',
      align: 'right',
      render: (_, line) => <Amount fen={line.unitPrice} />,
    },
    { title: t('orders.quantity'), dataIndex: 'quantity', align: 'right', className: 'tabular' },
    {
      title: amountTitle,
      key: 'amount',
      align: 'right',
      render: (_, line) => <Amount fen={amountOf(line)} />,
    },
  ]
}
