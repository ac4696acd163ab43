/**
 * `POST /gateway.do`, the way Alipay's OpenAPI 2.0 gateway answers `alipay-sdk` v4's `exec()`:
 * common parameters in the query string, the rest (`biz_content`, `grant_type`, …) in an
 * application/x-www-form-urlencoded body. Every answer is HTTP 200 with a signed
 * `{"<method>_response":{…},"sign":"…"}` body, errors included, as the real gateway does; for an
 * app in certificate mode the request's certificate SNs are checked and the answer carries
 * `alipay_cert_sn` (cert-check.ts).
 */
import { randomBytes } from 'node:crypto'
import type { FastifyInstance, FastifyReply } from 'fastify'
import { certificateSnError } from './cert-check'
import { STATUS_QUERY_METHODS } from './queries'
import { requestSignContent, signedEnvelope, verifyRequestSignature, type GatewayParams } from './signing'
import {
  gatewayError,
  type MethodRegistry,
  type MethodResponse,
  type SimulatedApp,
  type SimulatorContext,
} from './methods/types'

export interface GatewayOptions {
  apps: Map<string, SimulatedApp>
  methods: MethodRegistry
  context: SimulatorContext
  /** PEM (PKCS8): signs every response; clients verify with the matching public key. */
  simulatorPrivateKey: string
}

/** Query and form merged into one flat map of strings; a repeated key keeps its first value. */
function collectParams(query: unknown, body: unknown): GatewayParams {
  const params: GatewayParams = {}
  for (const source of [query, body]) {
    if (!source || typeof source !== 'object') continue
    for (const [key, value] of Object.entries(source as Record<string, unknown>)) {
      const first = Array.isArray(value) ? value[0] : value
      if (typeof first === 'string' && !(key in params)) params[key] = first
    }
  }
  return params
}

function parseBizContent(raw: string | undefined): Record<string, unknown> | undefined | 'invalid' {
  if (raw === undefined) return undefined
  try {
    const parsed: unknown = JSON.parse(raw)
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : 'invalid'
  } catch {
    return 'invalid'
  }
}

export async function gatewayRoutes(app: FastifyInstance, options: GatewayOptions): Promise<void> {
  const { apps, methods, context, simulatorPrivateKey } = options

  // Scoped to this plugin: the shop's own API keeps accepting JSON only.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  )

  const answer = (reply: FastifyReply, method: string, response: MethodResponse, to?: SimulatedApp) =>
    reply
      .code(200)
      .header('content-type', 'application/json; charset=utf-8')
      .header('trace_id', randomBytes(12).toString('hex'))
      .send(signedEnvelope(method, response, simulatorPrivateKey, to?.certificates?.alipayCertSn))

  app.post('/gateway.do', { schema: { hide: true } }, async (request, reply) => {
    const params = collectParams(request.query, request.body)
    const method = params.method
    // Without a method there is no response key to answer under; the SDK always sends one.
    if (!method)
      return answer(reply, 'error', gatewayError.missingArguments('isv.missing-method', '缺少方法名参数'))
    if (!params.app_id)
      return answer(reply, method, gatewayError.missingArguments('isv.missing-app-id', '缺少AppID参数'))
    const registered = apps.get(params.app_id)
    if (!registered)
      return answer(reply, method, gatewayError.invalidArguments('isv.invalid-app-id', '无效的AppID参数'))
    const respond = (response: MethodResponse) => answer(reply, method, response, registered)
    const handler = methods.get(method)
    if (!handler) return respond(gatewayError.invalidArguments('isv.invalid-method', '不存在的方法名'))
    if (!params.sign) return respond(gatewayError.missingArguments('isv.missing-signature', '缺少签名参数'))
    if ((params.sign_type ?? 'RSA') !== 'RSA2') {
      return respond(gatewayError.invalidArguments('isv.invalid-signature-type', '无效的签名类型'))
    }
    if (registered.certificates) {
      const wrongCertificate = certificateSnError(params, registered.certificates)
      if (wrongCertificate) return respond(wrongCertificate)
    }
    if (!verifyRequestSignature(params, registered.appPublicKey)) {
      return respond(
        gatewayError.invalidArguments(
          'isv.invalid-signature',
          `验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配，网关生成的验签字符串为：${requestSignContent(params)}`,
        ),
      )
    }
    const bizContent = parseBizContent(params.biz_content)
    if (bizContent === 'invalid') {
      return respond(
        gatewayError.invalidArguments('isv.invalid-parameter', 'biz_content 不是合法的 JSON 对象'),
      )
    }
    context.calls.record(method, context.now())
    if (context.queries.mode === 'fail' && STATUS_QUERY_METHODS.has(method))
      return respond(gatewayError.unavailable())
    try {
      return respond(await handler({ app: registered, params, bizContent, context }))
    } catch (error) {
      request.log.error({ err: error, method }, 'simulated Alipay method failed')
      return respond(gatewayError.unavailable())
    }
  })
}
