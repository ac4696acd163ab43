import Taro from '@tarojs/taro'
import { api, RequestError } from '../../shared/request'
import { t } from '../../shared/i18n'

/**
 * Where an Alipay auth code comes from, per surface:
 * - in Alipay, `Taro.login()` is `my.getAuthCode({ scopes: 'auth_base' })`: silent, no consent popup;
 * - in H5 and WeChat builds, a server that pays through the Alipay simulator (development, the
 *   offline demo) issues one for a simulated buyer, so the whole flow runs in a browser with the
 *   same server code paths. A server with real Alipay has no simulator: that answers 404.
 */
export async function getAuthCode(): Promise<string> {
  if (process.env.TARO_ENV === 'alipay') {
    const { code } = await Taro.login()
    return code
  }
  try {
    const { authCode } = await api.post<{ authCode: string }>('/alipay-sim/auth-codes', {})
    return authCode
  } catch (error) {
    if (error instanceof RequestError && error.status === 404) {
      throw new RequestError({ kind: 'config', status: 404, message: t('session.alipayOnly') })
    }
    throw error
  }
}
