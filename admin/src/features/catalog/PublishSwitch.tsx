import type { ConsoleProduct } from '@contract'
import { Popconfirm, Switch } from 'antd'
import { useT } from '../../i18n'
import { useAction } from '../../shared/useAction'
import { updateProduct } from './api'

/** Published or not, switched only after a confirmation. */
export function PublishSwitch({ product, onChanged }: { product: ConsoleProduct; onChanged: () => void }) {
  const t = useT()
  const { running: saving, run } = useAction()
  const toggle = async () => {
    const done = product.active ? 'catalog.unpublishedMessage' : 'catalog.publishedMessage'
    if (await run(() => updateProduct(product.id, { active: !product.active }), done, onChanged)) onChanged()
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
