import type { MessageKey } from '../../shared/i18n'
import type { DevTextKey } from './dev-texts'

/** The buyer's payment FAQ, in display order: payment problems in the buyer's words. */
export const FAQ: readonly { question: MessageKey; answer: MessageKey }[] = [
  { question: 'faq.paidPending.q', answer: 'faq.paidPending.a' },
  { question: 'faq.cancelled.q', answer: 'faq.cancelled.a' },
  { question: 'faq.failed.q', answer: 'faq.failed.a' },
  { question: 'faq.charged.q', answer: 'faq.charged.a' },
  { question: 'faq.cannotPay.q', answer: 'faq.cannotPay.a' },
]

/**
 * The developer FAQ (from Alipay's my.tradePay docs), shown below the buyer's in development
 * builds only; its texts are in dev-texts.ts, and docs/payments.md carries the same advice.
 */
export const DEV_FAQ: readonly { question: DevTextKey; answer: DevTextKey }[] = [
  { question: 'faq.confirm.q', answer: 'faq.confirm.a' },
  { question: 'faq.codes.q', answer: 'faq.codes.a' },
  { question: 'faq.tradeNo.q', answer: 'faq.tradeNo.a' },
  { question: 'faq.webview.q', answer: 'faq.webview.a' },
  { question: 'faq.whitelist.q', answer: 'faq.whitelist.a' },
  { question: 'faq.otherApp.q', answer: 'faq.otherApp.a' },
  { question: 'faq.permission.q', answer: 'faq.permission.a' },
]
