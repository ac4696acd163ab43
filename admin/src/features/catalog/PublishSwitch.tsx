import type { ConsoleProduct } from '@contract'
import { App, Popconfirm, Switch } from 'antd'
import { useState } from 'react'
import { useT } from '../../i18n'
import { errorText } from '../../shared/errors'
import { updateProduct } from './api'

/** Published or not, switched only after a confirmation. */
export function PublishSwitch({ product, onChanged }: { product: ConsoleProduct; onChanged: () => void }) {
  const t = useT()
  const { message } = App.useApp()
  const [saving, setSaving] = useState(false)
  const toggle = async () => {
    setSaving(true)
    try {
      await updateProduct(product.id, { active: !product.active })
      message.success(t(product.active ? 'catalog.unpublishedMessage' : 'catalog.publishedMessage'))
      onChanged()
    } catch (error) {
      message.error(errorText(t, error))
    } finally {
      setSaving(false)
    }
  }
  return (
    <Popconfirm
      title={t(product.active ? 'catalog.unpublishConfirm' : 'catalog.publishConfirm')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: product.active }}
      onConfirm={toggle}
    >
      <Switch
        checked={product.active}
        loading={saving}
        checkedChildren={t('catalog.published')}
        unCheckedChildren={t('catalog.unpublished')}
        aria-label={`${t('catalog.status')} ${product.id}`}
        data-testid={`publish-${product.id}`}
      />
    </Popconfirm>
  )
}
