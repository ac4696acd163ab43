import type { ConsoleSku, StockAdjustmentInput } from '@contract'
import { Form, Input, InputNumber } from 'antd'
import { STOCK_ADJUSTMENT_MAX, STOCK_ADJUSTMENT_REASON_LENGTH } from '@contract/limits'
import { useT } from '../../i18n'
import { FormModal } from '../../shared/FormModal'
import { useAction } from '../../shared/useAction'
import { adjustStock } from './api'

interface StockModalProps {
  sku: ConsoleSku | undefined
  skuLabel: string
  onClose: () => void
  onAdjusted: () => void
}

/** Moves a SKU's stock by a signed amount, with the reason the audit log keeps. */
export function StockModal({ sku, skuLabel, onClose, onAdjusted }: StockModalProps) {
  const t = useT()
  const { run } = useAction()
  const { min, max } = STOCK_ADJUSTMENT_REASON_LENGTH

  const submit = async (values: StockAdjustmentInput) => {
    if (!sku) return
    const adjustment = { delta: values.delta, reason: values.reason.trim() }
    if (await run(() => adjustStock(sku.id, adjustment), 'catalog.stockAdjusted')) onAdjusted()
  }

  return (
    <FormModal<StockAdjustmentInput>
      open={sku !== undefined}
      title={t('catalog.stockTitle', { sku: skuLabel })}
      okText={t('common.save')}
      okTestId='stock-submit'
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item
        name='delta'
        label={t('catalog.delta')}
        extra={sku ? `${t('catalog.stock')}: ${sku.stock}` : undefined}
        rules={[
          {
            required: true,
            type: 'integer',
            min: -STOCK_ADJUSTMENT_MAX,
            max: STOCK_ADJUSTMENT_MAX,
            message: t('catalog.deltaRule', { max: STOCK_ADJUSTMENT_MAX }),
          },
          {
            validator: async (_, delta) =>
              delta === 0
                ? Promise.reject(new Error(t('catalog.deltaRule', { max: STOCK_ADJUSTMENT_MAX })))
                : undefined,
          },
        ]}
      >
        <InputNumber<number>
          precision={0}
          style={{ width: 200 }}
          className='tabular'
          data-testid='stock-delta'
        />
      </Form.Item>
      <Form.Item
        name='reason'
        label={t('catalog.stockReason')}
        rules={[
          {
            required: true,
            whitespace: true,
            min,
            max,
            message: t('catalog.stockReasonRule', { min, max }),
          },
        ]}
      >
        <Input.TextArea rows={3} maxLength={max} showCount data-testid='stock-reason' />
      </Form.Item>
    </FormModal>
  )
}
