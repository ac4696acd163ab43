import { Type, type Static } from '@sinclair/typebox'
import { DateTime } from './common'

/**
 * Login: the mini-program gets an auth code (`my.getAuthCode({ scopes: 'auth_base' })`, which is
 * what `Taro.login` calls on Alipay) and posts it here; the server exchanges it with
 * `alipay.system.oauth.token` and answers with an opaque session token.
 */
export const LoginRequest = Type.Object(
  { authCode: Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9_-]+$' }) },
  { title: 'LoginRequest', additionalProperties: false },
)
export type LoginRequest = Static<typeof LoginRequest>

/** Who is logged in, as far as the shop knows. The Alipay id is masked: the client needs no more. */
export const Buyer = Type.Object(
  {
    id: Type.String({ description: "The shop's own user id" }),
    /** `user_id` (2088…) for apps on the legacy id, `open_id` for apps on OpenID. */
    alipayIdKind: Type.Union([Type.Literal('user_id'), Type.Literal('open_id')]),
    /** e.g. "2088****0001". */
    alipayIdMasked: Type.String(),
  },
  { title: 'Buyer' },
)
export type Buyer = Static<typeof Buyer>

export const Session = Type.Object(
  {
    /** Send as `Authorization: Bearer <token>`. Opaque; stored server-side. */
    token: Type.String(),
    /** ISO 8601. After this the server answers 401 `session_expired`. */
    expiresAt: DateTime,
    buyer: Buyer,
  },
  { title: 'Session' },
)
export type Session = Static<typeof Session>
