import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { DEV_FAQ, FAQ, useDevText } from '../../../features/payment'
import { usePageTitle, useT } from '../../../shared/i18n'
import { pageUrl } from '../../../shared/routes'
import '../cards.scss'
import './index.scss'
import { addSubpackageTexts } from '../../../shared/i18n/subpackage-texts'

addSubpackageTexts()

/** The buyer's payment FAQ; development builds add the developer's below it (dev-texts.ts). */
export default function FaqPage() {
  const t = useT()
  const devText = useDevText()
  usePageTitle('faq.title')
  return (
    <View className='page help-page'>
      {FAQ.map(({ question, answer }) => (
        <View key={question} className='help-card'>
          <Text className='help-card__heading'>{t(question)}</Text>
          <Text className='help-card__body'>{t(answer)}</Text>
        </View>
      ))}
      <View className='faq__links'>
        <Text className='faq__link' onClick={() => Taro.navigateTo({ url: pageUrl('webview') })}>
          {t('faq.demoWebView')} ›
        </Text>
        <Text className='faq__link' onClick={() => Taro.navigateTo({ url: pageUrl('deposit') })}>
          {t('faq.demoDeposit')} ›
        </Text>
      </View>
      {devText && (
        <View className='faq__dev'>
          <Text className='faq__dev-title'>{devText('faq.devTitle')}</Text>
          {DEV_FAQ.map(({ question, answer }) => (
            <View key={question} className='help-card help-card--dev'>
              <Text className='help-card__heading'>{devText(question)}</Text>
              <Text className='help-card__body'>{devText(answer)}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
