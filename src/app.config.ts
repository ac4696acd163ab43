import { shopConfig } from './shop.config'
import { translate } from './shared/i18n/translate'
import { mainPackagePages, preloadRule, subPackages } from './shared/app-json'
import { ROUTES, TAB_BAR } from './shared/routes'

const text = (key: Parameters<typeof translate>[1]) => translate(shopConfig.locale, key)

// Pages, subpackages, preloads and tabs all come from the table of src/shared/routes.ts.
export default defineAppConfig({
  pages: mainPackagePages(),
  subPackages: subPackages(),
  preloadRule: preloadRule(),
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: shopConfig.colors.surface,
    navigationBarTitleText: shopConfig.name[shopConfig.locale],
    navigationBarTextStyle: 'black',
    // H5 only: Taro's router then draws a top bar (title; back, or home when there is no history).
    // Mini-programs have their own bar and never get this key.
    ...(process.env.TARO_ENV === 'h5' ? { navigationStyle: 'default' as const } : {}),
    backgroundColor: shopConfig.colors.background,
  },
  tabBar: {
    color: shopConfig.colors.textMuted,
    selectedColor: shopConfig.colors.primary,
    backgroundColor: shopConfig.colors.surface,
    borderStyle: 'white',
    list: TAB_BAR.map((tab) => ({
      pagePath: ROUTES[tab.page],
      text: text(tab.text),
      iconPath: `assets/tab-${tab.icon}.png`,
      selectedIconPath: `assets/tab-${tab.icon}-active.png`,
    })),
  },
})
