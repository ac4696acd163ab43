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

/** Turns the shop's colour tokens into SCSS variables: `colors.primaryText` → `$color-primary-text`. */
export function themeScssVariables(colors: Record<string, string> = loadShopConfig().colors): string {
  return Object.entries(colors)
    .map(([name, value]) => `$color-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${value};`)
    .join('\n')
}
