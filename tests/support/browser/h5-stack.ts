/**
 * What `npm start` runs, for browser tests: the reference server (real database, simulator
 * in-process) and the H5 app — the production build `npm test` makes, which logs in and pays
 * through the simulator because this server has one — from a static server; plus one Chromium.
 * Each buyer gets a fresh context (own storage, own login).
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { startShopServer, type ShopServer } from '../shop-server'
import { productionApiOrigin } from '../production-api'
import { launchChromium, newPhoneContext, RequestGate } from './chromium'
import { serveDirectory } from './static-server'

export const ROOT = path.resolve(__dirname, '..', '..', '..')

/** The H5 build under test; H5_DIST_DIR points the suites at another one (e.g. a broken copy). */
export const H5_DIST_DIR = path.resolve(ROOT, process.env.H5_DIST_DIR ?? 'dist/h5')

export interface BuyerSession {
  context: BrowserContext
  page: Page
  /** Uncaught errors and console errors of the app, for assertions and failure messages. */
  problems: string[]
  close(): Promise<void>
}

export interface H5Stack {
  server: ShopServer
  /** The app's address, with a trailing slash (hash routes go after it). */
  shopUrl: string
  browser: Browser
  gate: RequestGate
  newBuyer(): Promise<BuyerSession>
  close(): Promise<void>
}

/**
 * Console errors that are not the app's fault:
 * - "Failed to load resource": the browser's line for an HTTP error the app handles (401 before
 *   logging in, 404 for "no saved address yet");
 * - Taro 4.2.0's <taro-input-core> `watchValue` reads `this.inputRef.value` without the null check
 *   its `watchAutoFocus` has, so a value set before the input's first render (a saved address
 *   arriving quickly) logs a TypeError; render() then shows the value anyway.
 */
function isExpectedConsoleError(text: string): boolean {
  if (text.startsWith('Failed to load resource')) return true
  return (
    text.startsWith("TypeError: Cannot read properties of undefined (reading 'value')") &&
    /watchValue/.test(text)
  )
}

export async function startH5Stack(): Promise<H5Stack> {
  if (!fs.existsSync(path.join(H5_DIST_DIR, 'index.html'))) {
    throw new Error(`No H5 build in ${H5_DIST_DIR}: run npm run build:h5 (or set H5_DIST_DIR)`)
  }
  const apiOrigin = productionApiOrigin()
  const [server, site, browser] = await Promise.all([
    startShopServer(),
    serveDirectory(H5_DIST_DIR),
    launchChromium(),
  ])
  const gate = new RequestGate()
  const sessions = new Set<BuyerSession>()

  return {
    server,
    shopUrl: site.url,
    browser,
    gate,
    async newBuyer() {
      const context = await newPhoneContext(browser, apiOrigin, server.baseUrl, gate)
      const page = await context.newPage()
      const problems: string[] = []
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`))
      // The browser logs failed requests only as "Failed to load resource": name server errors here.
      page.on('response', (response) => {
        if (response.status() >= 500) problems.push(`HTTP ${response.status()} for ${response.url()}`)
      })
      page.on('console', (message) => {
        if (message.type() === 'error' && !isExpectedConsoleError(message.text())) {
          problems.push(`console.error: ${message.text()}`)
        }
      })
      const session: BuyerSession = {
        context,
        page,
        problems,
        async close() {
          sessions.delete(session)
          await context.close()
        },
      }
      sessions.add(session)
      return session
    },
    async close() {
      await Promise.all([...sessions].map((session) => session.close()))
      await browser.close()
      await Promise.all([site.close(), server.close()])
    },
  }
}
