import { Button, Divider, Drawer, Form, Skeleton, Typography } from 'antd'
import { useEffect, useRef } from 'react'
import { useT } from '../../i18n'
import { validValues } from '../../shared/forms'
import { LoadError } from '../../shared/ui'
import { useRequest } from '../../shared/useRequest'
import { useAction } from '../../shared/useAction'
import { fetchProduct, updateProduct } from './api'
import { ProductFields } from './ProductFields'
import { toFormValues, toProductFields, type ProductFormValues } from './productForm'
import { SkuTable } from './SkuTable'

interface ProductDrawerProps {
  productId: string | undefined
  onClose: () => void
  /** The product changed: the list refreshes too. */
  onChanged: () => void
}

/** One product's texts, category and images (saved together) and its SKUs (each saved on its own). */
export function ProductDrawer({ productId, onClose, onChanged }: ProductDrawerProps) {
  const t = useT()
  const [form] = Form.useForm<ProductFormValues>()
  const { running: saving, run } = useAction()
  const detail = useRequest(productId ? `product:${productId}` : null, () => fetchProduct(productId ?? ''))
  const product = detail.data?.id === productId ? detail.data : undefined

  // The form takes the server's values once per product: a reload (after a SKU's price or stock
  // is saved, or the language changes) must not overwrite texts the staff member is still editing.
  const loadedId = product?.id
  const productRef = useRef(product)
  productRef.current = product
  useEffect(() => {
    if (loadedId && productRef.current) form.setFieldsValue(toFormValues(productRef.current))
  }, [loadedId, form])

  const save = async () => {
    if (!productId) return
    const values = await validValues(form)
    if (!values) return
    if (await run(() => updateProduct(productId, toProductFields(values)), 'catalog.saved')) {
      detail.reload()
      onChanged()
    }
  }

  return (
    <Drawer
      open={productId !== undefined}
      onClose={onClose}
      size={760}
      title={product ? `${t('catalog.editTitle')} · ${product.id}` : t('catalog.editTitle')}
      extra={
        <Button type='primary' onClick={save} loading={saving} disabled={!product} data-testid='product-save'>
          {t('common.save')}
        </Button>
      }
      destroyOnHidden
    >
      {detail.error && <LoadError error={detail.error} onRetry={detail.reload} />}
      {!product && detail.loading && <Skeleton active paragraph={{ rows: 12 }} />}
      {product && (
        <>
          <Form<ProductFormValues> form={form} layout='vertical' initialValues={toFormValues(product)}>
            <ProductFields />
          </Form>
          <Divider />
          <Typography.Title level={5}>{t('catalog.skus')}</Typography.Title>
          <SkuTable
            skus={product.skus}
            onChanged={() => {
              detail.reload()
              onChanged()
            }}
          />
        </>
      )}
    </Drawer>
  )
}
