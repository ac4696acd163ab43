/**
 * `alipay.open.app.mini.templatemessage.send` for subscription templates (see
 * server/alipay/template-message.ts for the docs followed): delivers one message to a buyer who
 * holds a subscription to the template, using up a one-time one, and refuses it otherwise.
 */
import {
  KEYWORD_VALUE_MAX_LENGTH,
  NOT_SUBSCRIBED_SUB_CODE,
  TEMPLATE_SETUP_SUB_CODES,
  type TemplateData,
} from '../../alipay/template-message'
import { gatewayError, type MethodHandler } from './types'

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined)

/** `data` arrives as a JSON string (as the SDKs' model types it); an object is taken as well. */
function parseData(raw: unknown): TemplateData | undefined {
  let parsed: unknown = raw
  if (typeof raw === 'string') {
    try {
      parsed = JSON.parse(raw)
    } catch {
      return undefined
    }
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined
  const entries = Object.entries(parsed as Record<string, unknown>)
  const valid = entries.every(
    ([, entry]) =>
      entry && typeof entry === 'object' && typeof (entry as { value?: unknown }).value === 'string',
  )
  return valid ? (parsed as TemplateData) : undefined
}

export const templateMessageSend: MethodHandler = ({ app, bizContent, context }) => {
  const toUserId = text(bizContent?.to_user_id)
  const toOpenId = text(bizContent?.to_open_id)
  const templateId = text(bizContent?.user_template_id)
  if ((!toUserId && !toOpenId) || !templateId) {
    return gatewayError.missingArguments(
      'isv.missing-parameter',
      '缺少参数: 需要 to_user_id 或 to_open_id，以及 user_template_id',
    )
  }
  const template = context.subscriptions.templates.get(templateId)
  if (!template) return gatewayError.businessFailed(TEMPLATE_SETUP_SUB_CODES.templateIllegal, '模板非法')
  const data = parseData(bizContent?.data)
  if (!data) return gatewayError.invalidArguments('isv.invalid-parameter', 'data 不是合法的 JSON 对象')
  const expected = Array.from({ length: template.keywords }, (_, index) => `keyword${index + 1}`)
  if (expected.some((key) => data[key] === undefined))
    return gatewayError.businessFailed(TEMPLATE_SETUP_SUB_CODES.lackKeyword, '缺少关键词')
  if (Object.values(data).some((entry) => [...entry.value].length > KEYWORD_VALUE_MAX_LENGTH))
    return gatewayError.businessFailed(TEMPLATE_SETUP_SUB_CODES.keywordTooLong, '关键词超长')

  const subscription = context.subscriptions.allowing(
    app.appId,
    { userId: toUserId, openId: toOpenId },
    templateId,
  )
  if (!subscription) return gatewayError.businessFailed(NOT_SUBSCRIBED_SUB_CODE, '用户未订阅该消息模板')
  context.subscriptions.deliver(subscription, { page: text(bizContent?.page), data, at: context.now() })
  return { code: '10000', msg: 'Success' }
}
