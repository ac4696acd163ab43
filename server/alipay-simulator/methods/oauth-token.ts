/**
 * `alipay.system.oauth.token`: exchanges a buyer's auth code (from `my.getAuthCode`, or from the
 * simulator's POST /auth-codes) for the buyer's id and an access token. Parameters are top-level
 * (`grant_type`, `code`), not biz_content. Codes are single-use, expire, and belong to one app.
 */
import { randomBytes } from 'node:crypto'
import { toChinaTime } from '../../alipay/wire-format'
import { simulatedOpenId, simulatedUserId } from '../buyers'
import { gatewayError, type MethodHandler } from './types'

const ACCESS_TOKEN_TTL_SECONDS = 15 * 24 * 3600
const REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 3600

const codeInvalid = () => gatewayError.invalidArguments('isv.code-invalid', '授权码code无效')

export const oauthToken: MethodHandler = ({ app, params, context }) => {
  if (params.grant_type !== 'authorization_code') {
    // refresh_token grants are not simulated: the shop only needs the buyer's id once per login.
    return gatewayError.invalidArguments('isv.invalid-parameter', 'grant_type 仅支持 authorization_code')
  }
  if (!params.code) return gatewayError.missingArguments('isv.missing-code', '缺少参数 code')
  const grant = context.store.takeAuthCode(params.code)
  const now = context.now()
  if (!grant || grant.appId !== app.appId || grant.expiresAt <= now) return codeInvalid()

  const identity =
    app.idMode === 'open_id'
      ? { open_id: simulatedOpenId(app.appId, grant.buyerKey) }
      : { user_id: simulatedUserId(grant.buyerKey) }
  // Like the real API, a successful exchange carries no code/msg, only the token data.
  return {
    ...identity,
    access_token: `authusrB${randomBytes(16).toString('hex')}`,
    expires_in: ACCESS_TOKEN_TTL_SECONDS,
    refresh_token: `authusrB${randomBytes(16).toString('hex')}`,
    re_expires_in: REFRESH_TOKEN_TTL_SECONDS,
    auth_start: toChinaTime(now),
  }
}
