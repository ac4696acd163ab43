import { PlusOutlined } from '@ant-design/icons'
import { Button, Card, Flex, Input, Select } from 'antd'
import { useState } from 'react'
import { SEARCH_TEXT_MAX } from '@contract/limits'
import { fetchCategories, fetchProducts, type ProductListFilter } from '../features/catalog/api'
import { NewProductModal } from '../features/catalog/NewProductModal'
import { ProductDrawer } from '../features/catalog/ProductDrawer'
import { ProductTable } from '../features/catalog/ProductTable'
import { useT } from '../i18n'
import { useIsOwner } from '../shared/session'
import { Page } from '../shared/ui'
import { useRequest } from '../shared/useRequest'

const ALL = 'all'

export function CatalogPage() {
  const t = useT()
  const isOwner = useIsOwner()
  const [filter, setFilter] = useState<ProductListFilter>({ page: 1 })
  const [editing, setEditing] = useState<string>()
  const [creating, setCreating] = useState(false)
  const products = useRequest(`products:${JSON.stringify(filter)}`, () => fetchProducts(filter))
  const categories = useRequest('categories', fetchCategories)
  const change = (patch: ProductListFilter) => setFilter((current) => ({ ...current, ...patch, page: 1 }))

  const newProduct = isOwner && (
    <Button
      type='primary'
      icon={<PlusOutlined />}
      onClick={() => setCreating(true)}
      data-testid='product-new'
    >
      {t('catalog.new')}
    </Button>
  )

  return (
    <Page title={t('catalog.title')} extra={newProduct}>
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            placeholder={t('catalog.searchPlaceholder')}
            aria-label={t('catalog.searchPlaceholder')}
            maxLength={SEARCH_TEXT_MAX}
            allowClear
            enterButton={t('common.search')}
            onSearch={(text) => change({ q: text.trim() || undefined })}
            style={{ width: 360 }}
            data-testid='product-search'
          />
          <Select
            aria-label={t('catalog.category')}
            value={filter.categoryId ?? ALL}
            onChange={(value: string) => change({ categoryId: value === ALL ? undefined : value })}
            options={[
              { value: ALL, label: t('catalog.allCategories') },
              ...(categories.data?.items ?? []).map((category) => ({
                value: category.id,
                label: category.name,
              })),
            ]}
            style={{ width: 180 }}
          />
          <Select
            aria-label={t('catalog.status')}
            value={filter.active === undefined ? ALL : String(filter.active)}
            onChange={(value: string) => change({ active: value === ALL ? undefined : value === 'true' })}
            options={[
              { value: ALL, label: t('common.all') },
              { value: 'true', label: t('catalog.published') },
              { value: 'false', label: t('catalog.unpublished') },
            ]}
            style={{ width: 140 }}
          />
        </Flex>
        <ProductTable
          list={products}
          categories={categories.data?.items ?? []}
          onPageChange={(page) => setFilter((current) => ({ ...current, page }))}
          onEdit={setEditing}
          onChanged={products.reload}
        />
      </Card>
      <ProductDrawer productId={editing} onClose={() => setEditing(undefined)} onChanged={products.reload} />
      {isOwner && (
        <NewProductModal
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false)
            products.reload()
          }}
        />
      )}
    </Page>
  )
}
