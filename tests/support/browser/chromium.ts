/**
 * Debian's Chromium through playwright-core (no browser download): headless, with the flags this
 * closed network needs, and a phone-sized context per buyer whose calls to the API origin baked
 * into the bundle go to the test server instead.
 */
import fs from 'node:fs'
import { chromium, type Browser, type BrowserContext, type Request } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH)`)
  }
  // launch() gives every browser a fresh temporary profile (user-data-dir) and removes it on close.
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      // Without these, Chromium's own outgoing connections fail noisily on a closed network.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/**
 * Requests the test holds until it says so, to look at a screen in a state that otherwise lasts
 * only as long as one request (e.g. "confirming" before the server's answer arrives).
 */
export class RequestGate {
  private holds: { matches: (request: Request) => boolean; released: Promise<void> }[] = []

  /** Holds every matching request from now on; call the returned function to let them all go. */
  hold(matches: (request: Request) => boolean): () => void {
    let release!: () => void
    const hold = { matches, released: new Promise<void>((resolve) => (release = resolve)) }
    this.holds.push(hold)
    return () => {
      this.holds = this.holds.filter((other) => other !== hold)
      release()
    }
  }

  async wait(request: Request): Promise<void> {
    await Promise.all(this.holds.filter((hold) => hold.matches(request)).map((hold) => hold.released))
  }
}

/** A 390×844 phone; calls to `apiOrigin` are sent to `serverBaseUrl` (the server allows any origin). */
export async function newPhoneContext(
  browser: Browser,
  apiOrigin: string,
  serverBaseUrl: string,
  gate: RequestGate,
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  })
  // CORS preflights of routed requests are answered by playwright itself.
  await context.route(`${apiOrigin}/**`, async (route) => {
    await gate.wait(route.request())
    const url = new URL(route.request().url())
    // The page may have gone while the request was held; nothing is left to continue then.
    await route.continue({ url: `${serverBaseUrl}${url.pathname}${url.search}` }).catch(() => undefined)
  })
  return context
}
