import { Text, View } from '@tarojs/components'
import { shopName, usePageTitle, useT, type MessageKey } from '../../../shared/i18n'
import { addPrivacyTexts } from '../../../shared/i18n/privacy-texts'
import { addSubpackageTexts } from '../../../shared/i18n/subpackage-texts'
import { shopConfig } from '../../../shop.config'
import '../cards.scss'
import './index.scss'

addSubpackageTexts()
addPrivacyTexts()

/** The notice's sections, in reading order: what, the Alipay address, why, how long, with whom, deleting, contact. */
const SECTIONS: readonly { heading: MessageKey; body: MessageKey }[] = [
  { heading: 'privacy.collected.q', body: 'privacy.collected.a' },
  { heading: 'privacy.alipayAddress.q', body: 'privacy.alipayAddress.a' },
  { heading: 'privacy.purpose.q', body: 'privacy.purpose.a' },
  { heading: 'privacy.retention.q', body: 'privacy.retention.a' },
  { heading: 'privacy.sharing.q', body: 'privacy.sharing.a' },
  { heading: 'privacy.deletion.q', body: 'privacy.deletion.a' },
  { heading: 'privacy.contact.q', body: 'privacy.contact.a' },
]

/**
 * The privacy notice Alipay asks for where personal information is used (the checkout links it
 * next to the address). The shop's name, contact and retention come from src/shop.config.ts.
 */
export default function PrivacyPage() {
  const t = useT()
  usePageTitle('privacy.title')
  const params = {
    shop: shopName(),
    contact: shopConfig.privacy.contact,
    years: shopConfig.privacy.retentionYears,
  }
  return (
    <View className='page help-page'>
      <Text className='privacy__intro'>{t('privacy.intro', params)}</Text>
      {SECTIONS.map(({ heading, body }) => (
        <View key={heading} className='help-card'>
          <Text className='help-card__heading'>{t(heading)}</Text>
          <Text className='help-card__body privacy__body'>{t(body, params)}</Text>
        </View>
      ))}
    </View>
  )
}
