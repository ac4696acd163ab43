import { Text } from '@tarojs/components'
import { useT, type MessageKey } from '../../../shared/i18n'
import type { PlatformAddressSource } from '../platform-address'
import type { PlatformAddressAction as Action } from '../usePlatformAddress'
import './checkout.scss'

const LABELS: Record<PlatformAddressSource['platform'], MessageKey> = { alipay: 'address.platform.alipay' }

/** "Use my Alipay address", beside the address card's title. */
export function PlatformAddressButton({ action }: { action: Action }) {
  const t = useT()
  return (
    <Text
      className={`platform-address ${action.reading ? 'platform-address--reading' : ''}`}
      onClick={() => void action.use()}
    >
      {action.reading ? t('address.platform.reading') : t(LABELS[action.source.platform])}
    </Text>
  )
}

/** What the last use of the action left to say: a failure, or a region to pick by hand. */
export function PlatformAddressNotice({ action }: { action: Action }) {
  const t = useT()
  if (!action.notice) return null
  const { key, params, tone } = action.notice
  return (
    <Text className={`checkout-card__notice ${tone === 'problem' ? 'checkout-card__notice--problem' : ''}`}>
      {t(key, params)}
    </Text>
  )
}
