import { enSubpackages } from './en.subpackages'
import { addMessages } from './translate'
import { zhCNSubpackages } from './zh-CN.subpackages'

/**
 * Every page of a subpackage calls this as its module loads, before it renders: the subpackage
 * pages' texts then join the main package's. Calling it again changes nothing.
 */
export function addSubpackageTexts(): void {
  addMessages({ 'zh-CN': zhCNSubpackages, en: enSubpackages })
}
