import type { Category, ConsoleProduct, ConsoleProductPage } from '@contract'
import { Button, Image, Space, Typography, type TableColumnsType } from 'antd'
import { useLocale, useT } from '../../i18n'
import { PagedTable, type PagedList } from '../../shared/ListTable'
import { Amount } from '../../shared/ui'
import { PublishSwitch } from './PublishSwitch'

interface ProductTableProps extends PagedList<ConsoleProductPage> {
  categories: Category[]
  onEdit: (productId: string) => void
  onChanged: () => void
}

function PriceRange({ product }: { product: ConsoleProduct }) {
  const prices = product.skus.map((sku) => sku.price)
  if (prices.length === 0) return <>—</>
  const low = Math.min(...prices)
  const high = Math.max(...prices)
  return low === high ? (
    <Amount fen={low} />
  ) : (
    <span>
      <Amount fen={low} /> – <Amount fen={high} />
    </span>
  )
}

export function ProductTable({ categories, onEdit, onChanged, ...paged }: ProductTableProps) {
  const t = useT()
  const { locale } = useLocale()
  const categoryName = (id: string) => categories.find((category) => category.id === id)?.name ?? id
  const columns: TableColumnsType<ConsoleProduct> = [
    {
      title: t('catalog.image'),
      key: 'image',
      width: 88,
      render: (_, product) => (
        <Image
          src={product.imageUrls[0]}
          width={56}
          height={56}
          style={{ objectFit: 'cover', borderRadius: 6 }}
          alt={product.title[locale]}
        />
      ),
    },
    {
      title: t('catalog.product'),
      key: 'title',
      render: (_, product) => (
        <Space orientation='vertical' size={0}>
          <Typography.Link onClick={() => onEdit(product.id)}>{product.title[locale]}</Typography.Link>
          <Typography.Text type='secondary' style={{ fontSize: 12 }}>
            {product.id}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('catalog.category'), dataIndex: 'categoryId', render: (id: string) => categoryName(id) },
    {
      title: t('catalog.price'),
      key: 'price',
      align: 'right',
      render: (_, product) => <PriceRange product={product} />,
    },
    {
      title: t('catalog.stock'),
      key: 'stock',
      align: 'right',
      render: (_, product) => {
        const stock = product.skus.reduce((sum, sku) => sum + sku.stock, 0)
        return (
          <Typography.Text className='tabular' type={stock === 0 ? 'danger' : undefined}>
            {stock}
          </Typography.Text>
        )
      },
    },
    {
      title: t('catalog.status'),
      key: 'active',
      render: (_, product) => <PublishSwitch product={product} onChanged={onChanged} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, product) => (
        <Button size='small' onClick={() => onEdit(product.id)} data-testid={`product-edit-${product.id}`}>
          {t('common.edit')}
        </Button>
      ),
    },
  ]
  return (
    <PagedTable<ConsoleProduct>
      {...paged}
      rowKey='id'
      columns={columns}
      empty={t('catalog.empty')}
      data-testid='product-table'
    />
  )
}
