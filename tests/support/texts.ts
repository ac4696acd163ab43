/**
 * Every zh-CN text of the app, main package and subpackages together, as a buyer reads them: the
 * suites find things on screen by these.
 */
import { zhCN } from '../../src/shared/i18n/zh-CN'
import { zhCNSubpackages } from '../../src/shared/i18n/zh-CN.subpackages'

export const text = { ...zhCN, ...zhCNSubpackages }
