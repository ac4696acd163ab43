import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { DEV_FAQ, FAQ, useDevText } from '../../../features/payment'
import { usePageTitle, useT } from '../../../shared/i18n'
import { pageUrl } from '../../../shared/routes'
import './index.scss'
import { addSubpackageTexts } from '../../../shared/i18n/subpackage-texts'

addSubpackageTexts()

/** The buyer's payment FAQ; development builds add the developer's below it (dev-texts.ts). */
export default function FaqPage() {
  const t = useT()
  const devText = useDevText()
  usePageTitle('faq.title')
  return (
    <View className='page faq'>
      {FAQ.map(({ question, answer }) => (
        <View key={question} className='faq__item'>
          <Text className='faq__question'>{t(question)}</Text>
          <Text className='faq__answer'>{t(answer)}</Text>
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
            <View key={question} className='faq__item faq__item--dev'>
              <Text className='faq__question'>{devText(question)}</Text>
              <Text className='faq__answer'>{devText(answer)}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
