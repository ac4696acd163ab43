/**
 * Every zh-CN text of the app, main package, subpackages and after-sales together, as a buyer
 * reads them: the suites find things on screen by these.
 */
import { zhCN } from '../../src/shared/i18n/zh-CN'
import { zhCNAfterSales } from '../../src/shared/i18n/zh-CN.after-sales'
import { zhCNSubpackages } from '../../src/shared/i18n/zh-CN.subpackages'

export const text = { ...zhCN, ...zhCNSubpackages, ...zhCNAfterSales }
