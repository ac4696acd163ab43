/**
 * A buyer's hands and eyes in the H5 app: goes to pages, taps what it can read, fills fields by
 * their placeholder, and waits — within a bound, with a message that says what was expected and
 * what the page showed instead — for text to appear. No generated ids, no fixed sleeps.
 */
import type { Locator, Page } from 'playwright-core'
import { pageUrl, type PageName } from '../../../src/shared/routes'

/** How long one step of the UI may take (a page load, an API round trip, a redirect). */
export const STEP_TIMEOUT_MS = 15_000

export class Shopper {
  constructor(
    readonly page: Page,
    /** The app's address with a trailing slash; hash routes go after it. */
    readonly shopUrl: string,
  ) {}

  /** Opens a route of the hash router, e.g. `pageUrl('cart')`. */
  async open(route = pageUrl('home')): Promise<void> {
    await this.page.goto(`${this.shopUrl}#${route}`)
  }

  /** Loads the app afresh at a route (a new document, not a hash change inside the running app). */
  async load(route: string): Promise<void> {
    await this.page.goto('about:blank')
    await this.open(route)
  }

  /**
   * The visible element showing exactly this text (or matching the pattern). Taro's H5 router
   * keeps earlier pages of the stack in the document, hidden: only the current page counts.
   */
  text(text: string | RegExp, within?: Locator): Locator {
    return (within ?? this.page)
      .getByText(text, { exact: typeof text === 'string' })
      .filter({ visible: true })
  }

  /** An input by its placeholder (Taro's Input renders the placeholder on the inner <input>). */
  field(placeholder: string): Locator {
    return this.page.locator(`input[placeholder="${placeholder}"]`)
  }

  /** Waits for the text to be visible; fails saying what was expected and what the page shows. */
  async see(text: string | RegExp | Locator, what?: string, timeout = STEP_TIMEOUT_MS): Promise<Locator> {
    const locator =
      typeof text === 'string' || text instanceof RegExp ? this.text(text) : text.filter({ visible: true })
    try {
      await locator.first().waitFor({ state: 'visible', timeout })
    } catch {
      throw new Error(
        `${what ?? `"${String(text)}"`} was not shown within ${timeout / 1000} s.\n` +
          `Page: ${this.page.url()}\nIt shows: ${await this.visibleText()}`,
      )
    }
    return locator.first()
  }

  /** Waits until the text is gone (e.g. a toast), within the bound. */
  async seeGone(text: string, timeout = STEP_TIMEOUT_MS): Promise<void> {
    try {
      await this.text(text).first().waitFor({ state: 'hidden', timeout })
    } catch {
      throw new Error(`"${text}" was still shown after ${timeout / 1000} s on ${this.page.url()}`)
    }
  }

  /**
   * Taps the element showing this text, once it is visible — and only if the buyer can see all
   * of it: a button half under the tab bar is a broken layout even if its middle still takes taps.
   * During a page transition the leaving page may still cover it, so coverage is awaited (within
   * the step's bound) before it counts as broken.
   */
  async tap(text: string | RegExp | Locator, what?: string): Promise<void> {
    const name = what ?? `"${String(text)}"`
    const deadline = Date.now() + STEP_TIMEOUT_MS
    let problem = 'it never became visible'
    while (Date.now() < deadline) {
      const target = await this.see(text, what, Math.max(deadline - Date.now(), 1))
      try {
        await target.scrollIntoViewIfNeeded({ timeout: 1000 })
        const coveredBy = await target.evaluate(coveringElement, undefined)
        if (!coveredBy) return await target.click({ timeout: 1000 })
        problem = `covered by ${coveredBy}`
      } catch (error) {
        problem = `it went away before the tap (${(error as Error).message.split('\n')[0]})`
      }
      await this.page.waitForTimeout(100) // the next look at the page, not a wait for a result
    }
    throw new Error(
      `${name} is not fully visible on ${this.page.url()}: ${problem}.\nIt shows: ${await this.visibleText()}`,
    )
  }

  /** Waits for the browser to be on a page of the app with a query (`#/<route>?…`). */
  arriveAtPage(page: PageName, what: string, query = ''): Promise<void> {
    const route = pageUrl(page).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
    return this.arriveAt(new RegExp(`#${route}\\?${query}`), what)
  }

  /** Waits for the browser to be at a URL (e.g. after a redirect through the cashier). */
  async arriveAt(url: RegExp, what: string): Promise<void> {
    try {
      await this.page.waitForURL(url, { timeout: STEP_TIMEOUT_MS })
    } catch {
      throw new Error(`${what}: expected a URL matching ${url}, still at ${this.page.url()}`)
    }
  }

  /** A query parameter of the current hash route, e.g. `id` of the order page's URL. */
  routeParam(name: string): string {
    const hash = new URL(this.page.url()).hash
    const value = new URLSearchParams(hash.slice(hash.indexOf('?') + 1)).get(name)
    if (!value) throw new Error(`no "${name}" in the route ${hash}`)
    return value
  }

  async visibleText(): Promise<string> {
    const text = await this.page
      .locator('body')
      .innerText({ timeout: 2_000 })
      .catch(() => '(unreadable)')
    return JSON.stringify(text.replace(/\s+/g, ' ').trim().slice(0, 800))
  }
}

/** What covers the element at one of its corners, if anything (runs in the page). */
function coveringElement(element: Element): string | undefined {
  const box = element.getBoundingClientRect()
  const corners = [
    [box.left + 2, box.top + 2],
    [box.right - 2, box.top + 2],
    [box.left + 2, box.bottom - 2],
    [box.right - 2, box.bottom - 2],
  ]
  for (const [x, y] of corners) {
    const hit = document.elementFromPoint(x, y)
    if (!hit || !(element.contains(hit) || hit.contains(element))) {
      return hit ? `<${hit.tagName.toLowerCase()} class="${hit.className}">` : 'the edge of the viewport'
    }
  }
  return undefined
}
