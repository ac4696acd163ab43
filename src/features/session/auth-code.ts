import Taro from '@tarojs/taro'
import { api } from '../../shared/request'

/**
 * Where an Alipay auth code comes from, per surface:
 * - in Alipay, `Taro.login()` is `my.getAuthCode({ scopes: 'auth_base' })`: silent, no consent popup;
 * - in H5 and WeChat development builds, the reference server's Alipay simulator issues one for a
 *   simulated buyer, so the whole flow runs in a browser with the same server code paths.
 */
export async function getAuthCode(): Promise<string> {
  if (process.env.TARO_ENV === 'alipay') {
    const { code } = await Taro.login()
    return code
  }
  if (process.env.NODE_ENV !== 'production') {
    const { authCode } = await api.post<{ authCode: string }>('/alipay-sim/auth-codes', {})
    return authCode
  }
  throw new Error('Logging in with an Alipay account works inside Alipay only.')
}
