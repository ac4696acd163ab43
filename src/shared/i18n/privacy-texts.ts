import { enPrivacy } from './en.privacy'
import { addMessages } from './translate'
import { zhCNPrivacy } from './zh-CN.privacy'

/**
 * The privacy notice page calls this as its module loads, after addSubpackageTexts(). A module of
 * its own, so no other page carries the notice's texts. Calling it again changes nothing.
 */
export function addPrivacyTexts(): void {
  addMessages({ 'zh-CN': zhCNPrivacy, en: enPrivacy })
}
