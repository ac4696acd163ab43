/**
 * Subscription-message settings (read once by server/config.ts): which Alipay message template
 * each event is sent with.
 * - ALIPAY_TEMPLATE_SHIPPED: the id of the "shipped" template taken (领用) in Alipay's merchant
 *   console (商家平台 › 运营中心 › 小程序 › 消息 › 消息接入). Unset: no message, and the app offers
 *   no subscription; `off` says so explicitly.
 * - With the Alipay simulator (no Alipay credentials, development only) it defaults to the
 *   simulator's own "shipped" template, so the whole flow runs offline without configuration.
 */
import { DEV_SHIPPED_TEMPLATE } from '../alipay-simulator/subscriptions'
import { read, type Env } from '../config'

export interface MessageSettings {
  /** Template ids per event; undefined: not configured, nothing is offered or sent. */
  templates: { shipped?: string }
}

/** Alipay's ids are 32 hex digits today; older ones are base64. Anything else is a typo. */
const TEMPLATE_ID = /^[A-Za-z0-9_=+/-]{1,64}$/

function readTemplateId(env: Env, name: string, simulatorDefault: string | undefined): string | undefined {
  const raw = read(env, name)
  if (raw === undefined) return simulatorDefault
  if (raw.toLowerCase() === 'off') return undefined
  if (!TEMPLATE_ID.test(raw)) {
    throw new Error(
      `${name} must be a message template id from Alipay's merchant console (letters and digits, got "${raw}"), or off.`,
    )
  }
  return raw
}

export function readMessageSettings(env: Env, alipay: { simulated: boolean }): MessageSettings {
  const simulated = alipay.simulated ? DEV_SHIPPED_TEMPLATE.id : undefined
  return { templates: { shipped: readTemplateId(env, 'ALIPAY_TEMPLATE_SHIPPED', simulated) } }
}
