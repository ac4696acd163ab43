/**
 * Alipay's subscription messages on the wire, in ONE place for the shop's sender
 * (server/messages) and the simulator that plays Alipay (server/alipay-simulator), so the two
 * cannot disagree.
 *
 * The method: `alipay.open.app.mini.templatemessage.send` (小程序发送模板消息). Alipay's
 * my.requestSubscribeMessage doc sends merchants to it for messages to subscribed users
 * (AlipayDocs/open-docs mini/api/开放能力API/消息/my.requestSubscribeMessage.md, "通过服务端",
 * https://opendocs.alipay.com/mini/02cth2), and the server API overview lists it under 模板消息
 * (AlipayDocs/open-docs mini/server-api/服务端 API 概览.md). Its fields, from the official SDKs'
 * AlipayOpenAppMiniTemplatemessageSendModel: `to_user_id` (2088…) or `to_open_id`,
 * `user_template_id`, `page`, `data` (a JSON string `{"keyword1":{"value":"…"},…}`), and
 * `form_id`, which subscription templates do not take ("订阅消息模板无需传入本参数").
 */

export const TEMPLATE_MESSAGE_SEND_METHOD = 'alipay.open.app.mini.templatemessage.send'

/** Each keyword's value: at most 50 characters (USER_KEYWORD_LENGTH_ERROR's FAQ). */
export const KEYWORD_VALUE_MAX_LENGTH = 50

/**
 * Business failures (40004) Alipay documents for this method, each with an FAQ page in
 * AlipayDocs/open-docs support/支付宝小程序/常见问题/: the template id is not the app's, the data
 * does not carry one value per keyword of the template, a value is too long. All three are
 * mistakes in our configuration or code: sending again cannot help.
 */
export const TEMPLATE_SETUP_SUB_CODES = {
  templateIllegal: 'USER_TEMPLATE_ILLEGAL',
  lackKeyword: 'USER_TEMPLATE_LACK_KEYWORD',
  keywordTooLong: 'USER_KEYWORD_LENGTH_ERROR',
} as const

/**
 * The simulator's refusal of a message to a buyer without a subscription to the template (never
 * subscribed, declined, or a one-time subscription already used). The docs mirrored in
 * AlipayDocs/open-docs do not name Alipay's sub_code for it, so the sender does not depend on
 * this value: any 40004 other than TEMPLATE_SETUP_SUB_CODES counts as "not subscribed".
 */
export const NOT_SUBSCRIBED_SUB_CODE = 'USER_NOT_SUBSCRIBED'

/** `data` as Alipay takes it: keyword1…keywordN, in the order the template's keywords were chosen. */
export type TemplateData = Record<string, { value: string }>

export function keywordData(values: readonly string[]): TemplateData {
  return Object.fromEntries(values.map((value, index) => [`keyword${index + 1}`, { value }]))
}
