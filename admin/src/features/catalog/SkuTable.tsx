import type { ConsoleSku } from '@contract'
import { Button, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { useT } from '../../i18n'
import { useIsOwner } from '../../shared/session'
import { Amount } from '../../shared/ui'
import { useAction } from '../../shared/useAction'
import { setSkuPrice } from './api'
import { fenToYuanText, PriceInput, priceFenOf } from './PriceInput'
import { StockModal } from './StockModal'

interface SkuTableProps {
  skus: ConsoleSku[]
  onChanged: () => void
}

/** Each SKU's price (the owner edits it, in yuan) and stock (anyone adjusts it, with a reason). */
export function SkuTable({ skus, onChanged }: SkuTableProps) {
  const t = useT()
  const isOwner = useIsOwner()
  const [adjusting, setAdjusting] = useState<ConsoleSku>()
  const skuLabel = (sku: ConsoleSku) => (sku.values.length ? sku.values.join(' / ') : t('catalog.singleSku'))

  const columns: TableColumnsType<ConsoleSku> = [
    {
      title: t('catalog.sku'),
      key: 'label',
      render: (_, sku) => (
        <Space>
          {skuLabel(sku)}
          {!sku.active && <Tag>{t('catalog.skuInactive')}</Tag>}
        </Space>
      ),
    },
    {
      title: isOwner ? t('catalog.priceYuan') : t('catalog.price'),
      key: 'price',
      align: isOwner ? 'left' : 'right',
      render: (_, sku) =>
        isOwner ? (
          <SkuPriceEditor sku={sku} onSaved={onChanged} />
        ) : (
          <Tooltip title={t('catalog.ownerOnlyPrice')}>
            <span>
              <Amount fen={sku.price} />
            </span>
          </Tooltip>
        ),
    },
    { title: t('catalog.stock'), dataIndex: 'stock', align: 'right', className: 'tabular' },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, sku) => (
        <Button size='small' onClick={() => setAdjusting(sku)} data-testid={`stock-adjust-${sku.id}`}>
          {t('catalog.adjustStock')}
        </Button>
      ),
    },
  ]
  return (
    <>
      <Table<ConsoleSku> rowKey='id' size='small' columns={columns} dataSource={skus} pagination={false} />
      <StockModal
        sku={adjusting}
        skuLabel={adjusting ? skuLabel(adjusting) : ''}
        onClose={() => setAdjusting(undefined)}
        onAdjusted={() => {
          setAdjusting(undefined)
          onChanged()
        }}
      />
    </>
  )
}

function SkuPriceEditor({ sku, onSaved }: { sku: ConsoleSku; onSaved: () => void }) {
  const t = useT()
  const [text, setText] = useState<string | null>(fenToYuanText(sku.price))
  const { running: saving, run } = useAction()
  const fen = priceFenOf(text)
  const unchanged = fen === sku.price
  // Enter in the field reaches here too, past the button's disabled and loading states.
  const save = async () => {
    if (saving || fen === undefined || unchanged) return
    if (await run(() => setSkuPrice(sku.id, fen), 'catalog.priceSaved')) onSaved()
  }
  return (
    <Space>
      <PriceInput
        value={text}
        onChange={setText}
        status={fen === undefined ? 'error' : undefined}
        aria-label={`${t('catalog.priceYuan')} ${sku.id}`}
        data-testid={`price-input-${sku.id}`}
        onPressEnter={save}
      />
      <Button
        type='primary'
        size='small'
        disabled={fen === undefined || unchanged}
        loading={saving}
        onClick={save}
        data-testid={`price-save-${sku.id}`}
      >
        {t('common.save')}
      </Button>
    </Space>
  )
}
