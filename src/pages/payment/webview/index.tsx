import { Text, View, WebView } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { ordersUrl } from '../../../features/orders'
import { createWebViewTicket, useDevText } from '../../../features/payment'
import { usePageTitle, useT } from '../../../shared/i18n'
import { useResource } from '../../../shared/hooks/useResource'
import { StateView } from '../../../shared/ui'
import './index.scss'
import { addSubpackageTexts } from '../../../shared/i18n/subpackage-texts'

addSubpackageTexts()

/**
 * The web-view payment demo: an H5 checkout page served by the reference server, paying with
 * my.tradePay through the web-view bridge. In a real app its domain must be HTTPS and whitelisted.
 */
export default function WebViewPage() {
  const t = useT()
  const devText = useDevText()
  usePageTitle('webview.title')
  const orderId = useRouter().params.orderId
  const ticket = useResource(`webview:${orderId ?? ''}`, async () =>
    orderId ? createWebViewTicket(orderId) : undefined,
  )

  if (!orderId) {
    return (
      <View className='page webview-intro'>
        <Text className='webview-intro__text'>{t('webview.intro')}</Text>
        {devText && <Text className='webview-intro__text'>{devText('faq.whitelist.a')}</Text>}
        <Text
          className='webview-intro__link'
          onClick={() => Taro.navigateTo({ url: ordersUrl('awaiting_payment') })}
        >
          {t('webview.pickOrder')} ›
        </Text>
      </View>
    )
  }
  return (
    <StateView loading={ticket.loading} error={ticket.error} onRetry={ticket.reload}>
      {ticket.data && <WebView src={ticket.data.url} />}
    </StateView>
  )
}
