import type { MessageKey } from '../../shared/i18n'

/**
 * What each `my.tradePay` result code means and what the buyer can do next (Alipay's my.tradePay
 * doc, https://opendocs.alipay.com/mini/api/openapi-pay). The code is never proof of payment: 9000, 8000 and 6004 only say
 * "go and ask the server", which alone decides whether the order is paid.
 */
export type PaymentAction = 'checkAgain' | 'payAgain' | 'viewOrder' | 'backToShop'

export interface ResultScreen {
  code: string
  /** Key prefix of the screen's texts: `pay.<id>.title`, `pay.<id>.body` (and `pay.<id>.dev` in dev-texts.ts). */
  id: ResultScreenId
  /** Ask the server until it reports the order paid (or the attempts run out). */
  confirm: boolean
  actions: readonly PaymentAction[]
}

export type ResultScreenId =
  | 'success'
  | 'processing'
  | 'unknownResult'
  | 'failed'
  | 'cancelled'
  | 'network'
  | 'forgotPassword'
  | 'noPermission'
  | 'unrecognised'

const SCREENS: readonly ResultScreen[] = [
  { code: '9000', id: 'success', confirm: true, actions: ['checkAgain', 'viewOrder'] },
  { code: '8000', id: 'processing', confirm: true, actions: ['checkAgain', 'viewOrder'] },
  { code: '6004', id: 'unknownResult', confirm: true, actions: ['checkAgain', 'viewOrder'] },
  { code: '4000', id: 'failed', confirm: false, actions: ['payAgain', 'viewOrder'] },
  { code: '6001', id: 'cancelled', confirm: false, actions: ['payAgain', 'viewOrder'] },
  { code: '6002', id: 'network', confirm: false, actions: ['checkAgain', 'payAgain', 'viewOrder'] },
  { code: '99', id: 'forgotPassword', confirm: false, actions: ['payAgain', 'viewOrder'] },
  { code: '4', id: 'noPermission', confirm: false, actions: ['viewOrder', 'backToShop'] },
]

/** Any other code, or none: say so, and ask the server. */
const UNRECOGNISED: Omit<ResultScreen, 'code'> = {
  id: 'unrecognised',
  confirm: false,
  actions: ['checkAgain', 'viewOrder', 'backToShop'],
}

export const KNOWN_RESULT_CODES = SCREENS.map((screen) => screen.code)

export function resultScreen(code: string): ResultScreen {
  return SCREENS.find((screen) => screen.code === code) ?? { ...UNRECOGNISED, code }
}

export const screenText = (id: ResultScreenId, part: 'title' | 'body') => `pay.${id}.${part}` as MessageKey
