import type { MessageKey } from '../../shared/i18n'

/** The payment FAQ (from Alipay's my.tradePay docs), in display order. */
export const FAQ: readonly { question: MessageKey; answer: MessageKey }[] = [
  { question: 'faq.confirm.q', answer: 'faq.confirm.a' },
  { question: 'faq.codes.q', answer: 'faq.codes.a' },
  { question: 'faq.tradeNo.q', answer: 'faq.tradeNo.a' },
  { question: 'faq.webview.q', answer: 'faq.webview.a' },
  { question: 'faq.whitelist.q', answer: 'faq.whitelist.a' },
  { question: 'faq.otherApp.q', answer: 'faq.otherApp.a' },
  { question: 'faq.permission.q', answer: 'faq.permission.a' },
]
