/**
 * The parts of `my` that stand for Alipay itself: `my.getAuthCode` gets a real auth code from
 * the simulator, `my.requestSubscribeMessage` is the buyer answering the subscription panel
 * (scripted per test, recorded by the simulator's POST /subscriptions), and `my.tradePay` is the
 * buyer in the cashier — scripted per test with the result code wanted. A code that is a payment
 * outcome settles the trade through the simulator's JSON cashier (so the trade really is paid,
 * cancelled, ... there) and hands back the cashier's resultCode; any other code (e.g. '7777') is
 * answered as is, as a wallet could. `my.getAddress` is the buyer in Alipay's address sheet,
 * scripted per test too (answerGetAddress).
 */
import { OUTCOME_CODES } from '../../../server/alipay-simulator/settlement'
import { postJson } from '../post-json'

/** my.tradePay resultCode → the simulator cashier's outcome that produces it. */
export const CASHIER_OUTCOME: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(OUTCOME_CODES).map(([outcome, code]) => [code, outcome]),
)

export interface TradePayCall {
  /** What the app passed to my.tradePay, without its callbacks. */
  args: Record<string, unknown>
  /** The code the test asked for, and what the cashier answered. */
  scripted?: string
  result?: { resultCode: string; memo?: string }
}

/** The buyer's answer to the subscription panel: tick the templates, leave them unticked, or close it. */
export type SubscribeAnswer = 'accept' | 'reject' | 'cancel'

export interface SubscribeCall {
  args: Record<string, unknown>
  scripted?: SubscribeAnswer
  /** Whether `success` (else `fail`) received `result`. */
  succeeded?: boolean
  result?: Record<string, unknown>
}

/**
 * One my.getAddress answer, as AlipayDocs/open-docs mini/api/开放能力API/获取会员收货地址/
 * my.getAddress.md documents it: `success` gets `{ resultStatus, result }` (9000 with the chosen
 * address, 6001 with `result: ""` when the buyer went back), `fail` gets `{ error, errorMessage }`
 * (4 when the buyer refused the authorization).
 */
export type GetAddressAnswer =
  | { success: { resultStatus: number | string; result: Record<string, string> | '' } }
  | { fail: { error: number; errorMessage: string } }

export const GET_ADDRESS = {
  chosen: (result: Record<string, string>): GetAddressAnswer => ({ success: { resultStatus: 9000, result } }),
  wentBack: (): GetAddressAnswer => ({ success: { resultStatus: 6001, result: '' } }),
  refused: (): GetAddressAnswer => ({ fail: { error: 4, errorMessage: '无权限调用该接口。' } }),
}

export class AlipayServices {
  readonly tradePayCalls: TradePayCall[] = []
  readonly subscribeCalls: SubscribeCall[] = []
  private scriptedSubscribeAnswers: SubscribeAnswer[] = []
  /** The simulated Alipay account that is logged in on the phone. */
  buyer = 'buyer-1'
  private scriptedCodes: string[] = []
  /** How many times the app opened the address sheet. */
  getAddressCalls = 0
  private scriptedAddresses: GetAddressAnswer[] = []
  private waitingForAddress: ((answer: GetAddressAnswer) => void)[] = []

  constructor(private readonly baseUrl: string) {}

  /** The next my.tradePay answers with this code (one entry per call, in order). */
  answerTradePay(...codes: string[]): void {
    this.scriptedCodes.push(...codes)
  }

  /** The next my.requestSubscribeMessage panels are answered so (one entry per call, in order). */
  answerSubscribe(...answers: SubscribeAnswer[]): void {
    this.scriptedSubscribeAnswers.push(...answers)
  }

  /**
   * The buyer in Alipay's subscription panel, as my.requestSubscribeMessage's doc describes its
   * callbacks: ticking or unticking is a `success` (the simulator records it and answers the
   * result), closing the panel a `fail` with behavior 'cancel' and errorCode 11.
   */
  async requestSubscribeMessage(
    args: Record<string, unknown>,
  ): Promise<{ succeeded: boolean; result: Record<string, unknown> }> {
    const call: SubscribeCall = { args }
    this.subscribeCalls.push(call)
    const answer = this.scriptedSubscribeAnswers.shift()
    call.scripted = answer
    if (answer === undefined)
      throw new Error('my.requestSubscribeMessage was called but the test scripted no answer')
    const entityIds = Array.isArray(args.entityIds) ? args.entityIds : []
    const result =
      answer === 'cancel'
        ? {
            behavior: 'cancel',
            errorCode: 11,
            errorMessage: '用户取消订阅',
            result: { entityList: entityIds },
          }
        : await postJson<Record<string, unknown>>(`${this.baseUrl}/alipay-sim/subscriptions`, {
            buyer: this.buyer,
            templateIds: entityIds,
            accept: answer === 'accept',
          })
    call.succeeded = result.behavior === 'subscribe'
    call.result = result
    return { succeeded: call.succeeded, result }
  }

  /**
   * Answers my.getAddress calls, in order: a call already waiting gets the first answer, later
   * calls the rest. A test that answers only once it saw the app waiting (its "reading" state)
   * knows that whatever shows next comes from the answer.
   */
  answerGetAddress(...answers: GetAddressAnswer[]): void {
    for (const answer of answers) {
      const waiting = this.waitingForAddress.shift()
      if (waiting) waiting(answer)
      else this.scriptedAddresses.push(answer)
    }
  }

  /** Plays the buyer in the address sheet for one my.getAddress call; waits for the test's answer. */
  getAddress(): Promise<GetAddressAnswer> {
    this.getAddressCalls += 1
    const answer = this.scriptedAddresses.shift()
    if (answer) return Promise.resolve(answer)
    return new Promise((resolve) => this.waitingForAddress.push(resolve))
  }

  async authCode(): Promise<string> {
    const { authCode } = await postJson<{ authCode: string }>(`${this.baseUrl}/alipay-sim/auth-codes`, {
      buyer: this.buyer,
    })
    return authCode
  }

  /** Plays the cashier for one my.tradePay call; resolves with what `success` receives. */
  async tradePay(args: Record<string, unknown>): Promise<{ resultCode: string; memo?: string }> {
    const call: TradePayCall = { args }
    this.tradePayCalls.push(call)
    const code = this.scriptedCodes.shift()
    call.scripted = code
    if (code === undefined) throw new Error('my.tradePay was called but the test scripted no result code')
    const outcome = CASHIER_OUTCOME[code]
    const target = Object.fromEntries(
      ['tradeNO', 'orderStr', 'paymentUrl']
        .filter((key) => args[key] !== undefined)
        .map((key) => [key, args[key]]),
    )
    // Alipay answers 4000 when the cashier has nothing to open (e.g. `tradeNo` spelled wrong).
    if (Object.keys(target).length === 0)
      call.result = { resultCode: '4000', memo: 'no tradeNO / orderStr / paymentUrl' }
    else
      call.result = outcome
        ? await postJson<{ resultCode: string; memo?: string }>(`${this.baseUrl}/alipay-sim/cashier/pay`, {
            ...target,
            buyer: this.buyer,
            outcome,
          })
        : { resultCode: code, memo: 'scripted by the test' }
    return call.result
  }
}
