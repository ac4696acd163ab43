import { createSwcRegister } from '@tarojs/helper'
import path from 'node:path'
import type { ShopConfig } from '../src/shop.config'

const SHOP_CONFIG = path.resolve(__dirname, '..', 'src', 'shop.config.ts')

/**
 * Taro compiles only config/ when it loads this file, so src/shop.config.ts (the one place a shop
 * is rebranded) is registered for compilation here before it is read.
 */
export function loadShopConfig(): ShopConfig {
  createSwcRegister({ only: [SHOP_CONFIG] })
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  return (require(SHOP_CONFIG) as { shopConfig: ShopConfig }).shopConfig
}

/**
 * The visual language every stylesheet shares, in design px (750 = the screen's width; Taro turns
 * them into rpx or rem). Stylesheets use these variables, not numbers, so one change here restyles
 * every page: `$space-4`, `$radius-md`, `$font-body`. Build-time only: nothing here enters a bundle.
 */
export const THEME_TOKENS = {
  /** A 4-px grid: `space-N` is N × 4 px. */
  space: { 1: 4, 2: 8, 3: 12, 4: 16, 5: 20, 6: 24, 7: 28, 8: 32, 10: 40, 12: 48 },
  radius: { sm: 8, md: 12, lg: 16, xl: 24, pill: 999 },
  /** The type scale, by role. */
  font: {
    tiny: 20,
    caption: 22,
    small: 24,
    secondary: 26,
    body: 28,
    subtitle: 32,
    title: 36,
    headline: 40,
    display: 64,
  },
} as const

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)

/**
 * The shop's colours (`colors.primaryText` → `$color-primary-text`) and THEME_TOKENS
 * (`$space-4`, `$radius-md`, `$font-body`) as SCSS variables.
 */
export function themeScssVariables(colors: Record<string, string> = loadShopConfig().colors): string {
  const tokens = Object.entries(THEME_TOKENS).flatMap(([group, values]) =>
    Object.entries(values).map(([name, px]) => `$${group}-${name}: ${px}px;`),
  )
  return [
    ...Object.entries(colors).map(([name, value]) => `$color-${kebab(name)}: ${value};`),
    ...tokens,
  ].join('\n')
}

/**
 * H5 turns design px into rem: 1 rem = 2 × baseFontSize design px, and the page's root font size
 * makes DESIGN_WIDTH design px exactly the screen's width, between the two bounds (a tablet stops
 * growing at maxRootSize). Taro's own script sizes by the smaller of the <html> element's width and
 * height, and that element is only a few px tall while <head> runs, so every phone got the
 * smallest size; this one reads the width alone.
 */
export const DESIGN_WIDTH = 750
export const H5_REM = { baseFontSize: 20, minRootSize: 16, maxRootSize: 40 } as const

export function h5RootFontScript(): string {
  const pxPerDesignPx = (2 * H5_REM.baseFontSize) / DESIGN_WIDTH
  return (
    `!function(){var e=document.documentElement;function f(){` +
    `e.style.fontSize=Math.min(${H5_REM.maxRootSize},Math.max(${H5_REM.minRootSize},${pxPerDesignPx}*e.clientWidth))+"px"}` +
    `f();addEventListener("resize",f)}()`
  )
}
