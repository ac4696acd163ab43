import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { ShippedSubscriptionOffer } from '../../../features/messages'
import { orderUrl } from '../../../features/orders'
import {
  PaymentResultView,
  payResultUrl,
  resultScreen,
  useConfirmPayment,
  usePayOrder,
  type PaymentAction,
} from '../../../features/payment'
import { usePageTitle } from '../../../shared/i18n'
import { pageUrl } from '../../../shared/routes'
import { addSubpackageTexts } from '../../../shared/i18n/subpackage-texts'

addSubpackageTexts()

export default function PayResultPage() {
  usePageTitle('pay.pageTitle')
  const params = useRouter().params
  const orderId = params.orderId ?? ''
  // `code` from the mini-program flow, `resultCode` from the browser cashier's redirect; an empty
  // one (a cashier that answered nothing readable) is unknown too.
  const screen = resultScreen(params.code || params.resultCode || 'unknown')
  const confirmation = useConfirmPayment(orderId, screen.confirm)
  // Paid or closed meanwhile: the confirmation shows it once it asks again.
  // Paying again replaces this screen with the new code's, so back leads to the order, not here.
  const { paying, pay } = usePayOrder({
    onResult: (paidOrderId, code) => void Taro.redirectTo({ url: payResultUrl(paidOrderId, code) }),
    onNotPayable: confirmation.checkAgain,
  })

  const act = (action: PaymentAction) => {
    if (action === 'checkAgain') confirmation.checkAgain()
    if (action === 'payAgain') void pay(orderId)
    if (action === 'viewOrder') void Taro.redirectTo({ url: orderUrl(orderId) })
    if (action === 'backToShop') void Taro.switchTab({ url: pageUrl('home') })
  }

  return (
    <View className='page'>
      <PaymentResultView screen={screen} confirmation={confirmation} paying={paying} onAction={act} />
      {/* Alipay only, once the server confirms the payment: "tell me when it ships". */}
      <ShippedSubscriptionOffer active={confirmation.state === 'paid'} />
    </View>
  )
}
