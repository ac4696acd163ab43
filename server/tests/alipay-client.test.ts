/**
 * The server's Alipay client (the real alipay-sdk) against the simulator over real HTTP:
 * signed answers are accepted, altered or foreign-signed ones are refused, and every failure comes
 * out as AlipayBusinessError or AlipayUnavailableError.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createPrivateKey } from 'node:crypto'
import {
  AlipayBusinessError,
  AlipayUnavailableError,
  createAlipayClient,
  type AlipayClient,
} from '../alipay/client'
import { generateRsaKeyPair } from '../alipay-simulator/dev-keys'
import { startSimulator, testKeys } from '../alipay-simulator/test-harness'
import { simulatorForSuite } from '../testing/suites'

interface TokenResult {
  userId?: string
  openId?: string
  accessToken: string
}

const OAUTH = 'alipay.system.oauth.token'

async function login(client: AlipayClient, code: string, extra: Record<string, string> = {}) {
  return client.exec<TokenResult>(OAUTH, undefined, { grant_type: 'authorization_code', code, ...extra })
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected the call to fail')
}

/** Forwards to the simulator and lets `alter` rewrite the response body on the way back. */
async function startTamperingProxy(target: string, alter: (body: string) => string) {
  const targetUrl = new URL(target)
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', async () => {
      const upstream = await fetch(`${targetUrl.origin}${request.url}`, {
        method: request.method,
        headers: { 'content-type': String(request.headers['content-type']) },
        body: Buffer.concat(chunks),
      })
      response.writeHead(upstream.status, { 'content-type': 'application/json; charset=utf-8' })
      response.end(alter(await upstream.text()))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    gateway: `http://127.0.0.1:${port}${targetUrl.pathname}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

describe('Alipay client against the simulator', () => {
  const sim = simulatorForSuite()

  it('accepts a signed answer and returns it camelCased', async () => {
    const { authCode, buyer } = await sim.issueAuthCode('buyer-2')
    const result = await login(sim.client(), authCode)
    expect(result.userId).toBe(buyer.userId)
    expect(result.accessToken).toMatch(/^authusrB/)
    expect(result).toHaveProperty('reExpiresIn')
  })

  it('refuses an answer altered in transit, though the sign is kept', async () => {
    const changeOneDigit = (body: string) =>
      body.replace(/"user_id":"2088(\d)/, (_m, d) => `"user_id":"2088${(Number(d) + 1) % 10}`)
    const proxy = await startTamperingProxy(sim.gateway, changeOneDigit)
    const untouched = await startTamperingProxy(sim.gateway, (body) => body)
    try {
      // Control: the same path without the change works, so the failure below is the change.
      await expect(
        login(sim.client(undefined, { gateway: untouched.gateway }), (await sim.issueAuthCode()).authCode),
      ).resolves.toHaveProperty('userId')
      const error = await rejection(
        login(sim.client(undefined, { gateway: proxy.gateway }), (await sim.issueAuthCode()).authCode),
      )
      expect(error).toBeInstanceOf(AlipayUnavailableError)
      expect(error).toMatchObject({ reason: 'signature', method: OAUTH })
      expect((error as Error).message).toContain(
        sim.keyMode === 'cert' ? 'ALIPAY_PUBLIC_CERT_PATH' : 'ALIPAY_PUBLIC_KEY',
      )
    } finally {
      await proxy.close()
      await untouched.close()
    }
  })

  it('refuses an answer signed with another key', async () => {
    const impostor = await startSimulator({ simulatorKeys: generateRsaKeyPair() })
    try {
      const { authCode } = await impostor.issueAuthCode()
      // The client trusts the usual simulator key, not the impostor's.
      const client = sim.client(undefined, { gateway: impostor.gateway })
      await expect(login(client, authCode)).rejects.toMatchObject({
        name: 'AlipayUnavailableError',
        reason: 'signature',
      })
    } finally {
      await impostor.close()
    }
  })

  it('reports business errors with code and sub code', async () => {
    const error = await rejection(login(sim.client(), 'never-issued'))
    expect(error).toBeInstanceOf(AlipayBusinessError)
    expect(error).toMatchObject({ code: '40002', subCode: 'isv.code-invalid', method: OAUTH })
  })

  it('leaves out empty and undefined extra parameters (the gateway drops them, signing them would fail)', async () => {
    const { authCode } = await sim.issueAuthCode()
    const result = await sim.client().exec<TokenResult>(OAUTH, undefined, {
      grant_type: 'authorization_code',
      code: authCode,
      app_auth_token: '',
      scope: undefined,
    })
    expect(result.userId).toMatch(/^2088\d{12}$/)
  })

  it('reports an unreachable gateway as unavailable, naming it', async () => {
    const stopped = await startSimulator()
    await stopped.close()
    const error = await rejection(login(stopped.client(), 'abc'))
    expect(error).toBeInstanceOf(AlipayUnavailableError)
    expect(error).toMatchObject({ reason: 'network' })
    expect((error as Error).message).toContain(stopped.gateway)
  })

  it('reports a non-200 answer as unavailable', async () => {
    const client = sim.client(undefined, { gateway: sim.gateway.replace('gateway.do', 'no-such-path') })
    await expect(login(client, 'abc')).rejects.toMatchObject({
      name: 'AlipayUnavailableError',
      reason: 'http',
    })
  })

  it('accepts the private key as a PKCS1 PEM or a one-line base64 body', async () => {
    const pkcs1Pem = createPrivateKey(testKeys().app.privateKey).export({
      type: 'pkcs1',
      format: 'pem',
    }) as string
    const pkcs8Body = testKeys().app.privateKey.replace(/-----[A-Z ]+-----|\s/g, '')
    for (const privateKey of [pkcs1Pem, pkcs8Body]) {
      const { authCode } = await sim.issueAuthCode()
      await expect(login(sim.client(undefined, { privateKey }), authCode)).resolves.toHaveProperty('userId')
    }
  })

  it("refuses to be built without Alipay's public key (the SDK would skip verification)", () => {
    expect(() =>
      createAlipayClient({
        appId: 'x',
        privateKey: testKeys().app.privateKey,
        alipayPublicKey: '',
        gateway: sim.gateway,
      }),
    ).toThrow(/public key is required/)
  })
})
