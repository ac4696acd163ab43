export { payOrder, payResultUrl } from './pay'
export { useDeposit } from './useDeposit'
export { createWebViewTicket, fetchDepositItems } from './api'
export {
  resultScreen,
  screenText,
  KNOWN_RESULT_CODES,
  type ResultScreen,
  type PaymentAction,
} from './result-codes'
export { normalizeTradePayResult, type TradePayResult } from './trade-pay-result'
export { useConfirmPayment, CONFIRM_BACKOFF_MS, type Confirmation } from './useConfirmPayment'
export { currentPaymentAdapter, detectH5Surface, PaymentUnavailableError } from './adapters'
export { PaymentResultView } from './components/PaymentResultView'
export { describePaymentError, usePayOrder } from './usePayOrder'
export { FAQ, DEV_FAQ } from './faq'
export { DEV_TEXTS, useDevText, type DevTextKey } from './dev-texts'
