/**
 * Every zh-CN (and en) text of the app, main package, subpackages, after-sales and the privacy
 * notice together, as a buyer reads them: the suites find things on screen by these.
 */
import { en } from '../../src/shared/i18n/en'
import { enAfterSales } from '../../src/shared/i18n/en.after-sales'
import { enPrivacy } from '../../src/shared/i18n/en.privacy'
import { enSubpackages } from '../../src/shared/i18n/en.subpackages'
import { zhCN } from '../../src/shared/i18n/zh-CN'
import { zhCNAfterSales } from '../../src/shared/i18n/zh-CN.after-sales'
import { zhCNPrivacy } from '../../src/shared/i18n/zh-CN.privacy'
import { zhCNSubpackages } from '../../src/shared/i18n/zh-CN.subpackages'

export const text = { ...zhCN, ...zhCNSubpackages, ...zhCNAfterSales, ...zhCNPrivacy }

/** The same in English, for the suites that look at both languages. */
export const textEn: Record<keyof typeof text, string> = {
  ...en,
  ...enSubpackages,
  ...enAfterSales,
  ...enPrivacy,
}
