import { enAfterSales } from './en.after-sales'
import { addMessages } from './translate'
import { zhCNAfterSales } from './zh-CN.after-sales'

/**
 * Every page that shows after-sales (the after-sales pages, the order list and the order page)
 * calls this as its module loads, after addSubpackageTexts(). A module of its own, so the
 * subpackages without after-sales do not carry these texts. Calling it again changes nothing.
 */
export function addAfterSalesTexts(): void {
  addMessages({ 'zh-CN': zhCNAfterSales, en: enAfterSales })
}
