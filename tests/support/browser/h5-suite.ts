/**
 * The jest wiring every H5 browser suite shares: one stack (server, static app, Chromium) per
 * file, a fresh browser context per test, and no uncaught error in the app, whatever the test did.
 */
import { startH5Stack, type BuyerSession, type H5Stack } from './h5-stack'
import { screenshot } from './screenshots'
import { Shopper } from './shopper'

/** Starting the server (fresh database, keys) and Chromium; slow on a busy 2-core machine. */
const STACK_START_TIMEOUT_MS = 120_000

export interface H5Suite {
  readonly stack: H5Stack
  /** A new buyer (own context, own storage) and a function to screenshot what they see. */
  newShopper(): Promise<{ shop: Shopper; shoot: (name: string) => Promise<void> }>
}

export function setUpH5Suite(): H5Suite {
  let stack: H5Stack | undefined
  let buyer: BuyerSession | undefined

  beforeAll(async () => {
    stack = await startH5Stack()
  }, STACK_START_TIMEOUT_MS)

  afterEach(async () => {
    const problems = buyer?.problems ?? []
    await buyer?.close()
    buyer = undefined
    expect(problems).toEqual([])
  })

  afterAll(async () => {
    await stack?.close()
  })

  const started = (): H5Stack => {
    if (!stack) throw new Error('the H5 stack did not start (see beforeAll)')
    return stack
  }
  return {
    get stack() {
      return started()
    },
    async newShopper() {
      buyer = await started().newBuyer()
      const page = buyer.page
      return { shop: new Shopper(page, started().shopUrl), shoot: (name: string) => screenshot(page, name) }
    },
  }
}
