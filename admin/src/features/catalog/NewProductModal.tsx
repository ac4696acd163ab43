import { Col, Form, InputNumber, Row } from 'antd'
import { STOCK_ADJUSTMENT_MAX } from '@contract/limits'
import { useT } from '../../i18n'
import { FormModal } from '../../shared/FormModal'
import { useAction } from '../../shared/useAction'
import { createProduct } from './api'
import { PriceInput, priceFenOf } from './PriceInput'
import { ProductFields } from './ProductFields'
import { toCreateInput, type ProductFormValues } from './productForm'

interface NewProductValues extends ProductFormValues {
  price: string
  stock: number
}

/** Owners: a product with one SKU, created unpublished. */
export function NewProductModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean
  onClose: () => void
  onCreated: () => void
}) {
  const t = useT()
  const { run } = useAction()

  const submit = async (values: NewProductValues) => {
    const price = priceFenOf(values.price)
    if (price === undefined) return
    if (await run(() => createProduct(toCreateInput(values, price, values.stock)), 'catalog.created'))
      onCreated()
  }

  return (
    <FormModal<NewProductValues>
      open={open}
      title={t('catalog.new')}
      width={760}
      okText={t('common.save')}
      okTestId='new-product-submit'
      initialValues={{ stock: 0, images: [] }}
      onSubmit={submit}
      onClose={onClose}
    >
      <ProductFields />
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name='price'
            label={t('catalog.priceYuan')}
            rules={[
              {
                validator: async (_, text: string | undefined) =>
                  priceFenOf(text) === undefined
                    ? Promise.reject(new Error(t('catalog.priceRule')))
                    : undefined,
              },
            ]}
          >
            <PriceInput aria-label={t('catalog.priceYuan')} data-testid='new-product-price' />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name='stock'
            label={t('catalog.initialStock')}
            rules={[{ required: true, type: 'integer', min: 0, max: STOCK_ADJUSTMENT_MAX }]}
          >
            <InputNumber<number>
              precision={0}
              min={0}
              max={STOCK_ADJUSTMENT_MAX}
              style={{ width: 150 }}
              className='tabular'
            />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  )
}
