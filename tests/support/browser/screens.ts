/**
 * Every page as a designer checks it: at a 390 × 844 and a 320 × 568 phone, in zh-CN and in en.
 * Each view is loaded afresh (a new document, so the language stored before it applies), checked
 * for anything wider than the screen, and screenshotted into artifacts/screenshots/screens/.
 */
import type { Page } from 'playwright-core'
import type { Locale } from '../../../src/shop.config'
import { LOCALE_STORAGE_KEY } from '../../../src/shared/i18n/locale'
import { screenshot } from './screenshots'
import type { Shopper } from './shopper'

export const PHONES = [
  { name: '390', width: 390, height: 844 },
  { name: '320', width: 320, height: 568 },
] as const

export const SCREEN_LOCALES: readonly Locale[] = ['zh-CN', 'en']

/** Stores a value the way Taro's H5 setStorageSync does, for the next document to read. */
export async function setTaroStorage(page: Page, key: string, value: string): Promise<void> {
  await page.evaluate(([name, data]) => localStorage.setItem(name, JSON.stringify({ data })), [
    key,
    value,
  ] as const)
}

const storeLocale = (page: Page, locale: Locale) => setTaroStorage(page, LOCALE_STORAGE_KEY, locale)

/**
 * What sticks out sideways: visible elements reaching past the screen's edge, unless a clipping
 * ancestor (overflow hidden) cuts them or a horizontal ScrollView (a gallery, the category strip)
 * scrolls them on purpose. A page container that merely scrolls does not excuse them: the buyer
 * would have to pan sideways to read them.
 */
export async function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth
    const heldInside = (element: Element) => {
      for (
        let parent = element.parentElement;
        parent && parent !== document.body;
        parent = parent.parentElement
      ) {
        if (parent.classList.contains('taro-scroll-view__scroll-x')) return true
        const { overflowX } = getComputedStyle(parent)
        if (overflowX === 'hidden' || overflowX === 'clip') return true
      }
      return false
    }
    const describe = (element: Element) => {
      const classes = Array.from(element.classList).slice(0, 2).join('.')
      const text = (element.textContent ?? '').trim().slice(0, 24)
      const box = element.getBoundingClientRect()
      return `${element.tagName.toLowerCase()}${classes ? `.${classes}` : ''} "${text}" [${Math.round(box.left)}…${Math.round(box.right)}]`
    }
    const offenders = new Set<Element>()
    // Document order: an element's ancestors come before it.
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      const box = element.getBoundingClientRect()
      if (box.width === 0 || box.height === 0) continue
      if (box.right <= width + 1 && box.left >= -1) continue
      if (getComputedStyle(element).visibility === 'hidden' || heldInside(element)) continue
      // The outermost offender is enough: its children stick out with it.
      let outer = element.parentElement
      while (outer && !offenders.has(outer)) outer = outer.parentElement
      if (!outer) offenders.add(element)
    }
    return Array.from(offenders).slice(0, 8).map(describe)
  })
}

export interface ScreenCheck {
  /** File name under screens/<locale>-<width>/. */
  name: string
  /** The page's route (pageUrl(...)). */
  route: string
  /** What to wait for before looking: a function of the locale (texts differ). */
  ready: (shop: Shopper, locale: Locale) => Promise<void>
  /** What else must hold for the layout at every size (e.g. two cards per row); problems found. */
  layout?: (page: Page) => Promise<string[]>
}

/**
 * Shows the view in each language at each size; returns what overflowed, per view, so one
 * assertion names every problem at once. Leaves the app in zh-CN at 390 × 844.
 */
export async function checkEverywhere(shop: Shopper, view: ScreenCheck): Promise<string[]> {
  const problems: string[] = []
  for (const locale of SCREEN_LOCALES) {
    await storeLocale(shop.page, locale)
    for (const phone of PHONES) {
      await shop.page.setViewportSize({ width: phone.width, height: phone.height })
      await shop.load(view.route)
      await view.ready(shop, locale)
      const found = [...(await overflowingElements(shop.page)), ...((await view.layout?.(shop.page)) ?? [])]
      problems.push(...found.map((problem) => `${view.name} (${locale}, ${phone.name} px): ${problem}`))
      await screenshot(shop.page, `screens/${locale}-${phone.name}/${view.name}`)
    }
  }
  await storeLocale(shop.page, 'zh-CN')
  await shop.page.setViewportSize({ width: PHONES[0].width, height: PHONES[0].height })
  return problems
}

/** The first two product cards share a row, and the row spans the screen evenly, as designed. */
export async function twoCardsPerRow(page: Page): Promise<string[]> {
  const boxes = await page
    .locator('.product-card')
    .filter({ visible: true })
    .evaluateAll((cards) => cards.slice(0, 2).map((card) => card.getBoundingClientRect().toJSON() as DOMRect))
  const width = await page.evaluate(() => document.documentElement.clientWidth)
  if (boxes.length < 2) return [`${boxes.length} product card(s) shown, expected at least 2`]
  const [left, right] = boxes
  const problems: string[] = []
  if (Math.abs(left.top - right.top) > 1) problems.push('the first two product cards are not side by side')
  // Equal margins at both edges, within a pixel of rounding.
  // Design px are a fixed share of the screen: the gap between the cards is as wide as the edges.
  const gap = right.left - left.right
  if (Math.abs(gap - left.left) > 1) {
    problems.push(
      `the cards do not fill the row (${Math.round(gap)} px between them, ${Math.round(left.left)} px at the edge)`,
    )
  }
  if (Math.abs(left.left - (width - right.right)) > 1) {
    problems.push(
      `the card row is off-centre (${Math.round(left.left)} px left, ${Math.round(width - right.right)} px right)`,
    )
  }
  return problems
}

/** The product page's picture spans the screen's whole width. */
export async function fullWidthGallery(page: Page): Promise<string[]> {
  const box = await page.locator('.product-detail__gallery').filter({ visible: true }).first().boundingBox()
  const width = await page.evaluate(() => document.documentElement.clientWidth)
  if (!box) return ['no gallery image']
  return Math.abs(box.width - width) > 1
    ? [`the gallery image is ${Math.round(box.width)} px on a ${width} px screen`]
    : []
}
