import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { OrderCounts } from '@contract'
import { ORDER_TABS, ordersUrl, useOrderCounts } from '../../features/orders'
import { SessionCard, useSessionStore } from '../../features/session'
import { useTabPage } from '../../features/shell/useTabPage'
import { shopConfig, type Locale } from '../../shop.config'
import { appConfig } from '../../shared/config'
import { LOCALES, shopName, switchLocale, useLocaleStore, useT } from '../../shared/i18n'
import { pageUrl } from '../../shared/routes'
import './index.scss'

/** The steps a buyer waits on; completed orders are under "all". */
const SHORTCUTS = ORDER_TABS.filter(({ tab }) => tab !== 'all' && tab !== 'completed')

const LOCALE_NAMES: Record<Locale, string> = { 'zh-CN': '简体中文', en: 'English' }

export default function MePage() {
  const t = useT()
  const locale = useLocaleStore((state) => state.locale)
  useTabPage('me.title')
  const counts = useOrderCounts(useSessionStore((state) => !!state.session))

  return (
    <View className='page me'>
      <View className='me__header'>
        <Image className='me__logo' src={shopConfig.logo} />
        <View>
          <Text className='me__shop'>{shopName(locale)}</Text>
        </View>
      </View>
      <SessionCard />
      <View className='me__card'>
        <View className='me__row' onClick={() => Taro.navigateTo({ url: ordersUrl() })}>
          <Text>{t('me.orders')}</Text>
          <Text className='me__value'>{t('me.viewAll')} ›</Text>
        </View>
        <View className='me__shortcuts'>
          {SHORTCUTS.map(({ tab, label }) => {
            const count = counts?.[tab as keyof OrderCounts]
            return (
              <View
                key={tab}
                className='me__shortcut'
                onClick={() =>
                  Taro.navigateTo({ url: tab === 'after_sales' ? pageUrl('afterSalesList') : ordersUrl(tab) })
                }
              >
                <View className={`me__icon me__icon--${tab}`}>
                  {!!count && <Text className='me__count'>{count > 99 ? '99+' : count}</Text>}
                </View>
                <Text>{t(label)}</Text>
              </View>
            )
          })}
        </View>
      </View>
      <View className='me__card'>
        <View className='me__row' onClick={() => Taro.navigateTo({ url: pageUrl('faq') })}>
          <Text>{t('me.faq')}</Text>
          <Text className='me__value'>›</Text>
        </View>
        <View className='me__row'>
          <Text>{t('me.language')}</Text>
          <View className='me__choices'>
            {LOCALES.map((option) => (
              <Text
                key={option}
                className={`me__choice ${option === locale ? 'me__choice--active' : ''}`}
                onClick={() => switchLocale(option)}
              >
                {LOCALE_NAMES[option]}
              </Text>
            ))}
          </View>
        </View>
        {/* Developer content: development builds only (webpack drops it from production builds). */}
        {process.env.NODE_ENV !== 'production' && (
          <View className='me__row'>
            <Text>{t('me.server')}</Text>
            <Text className='me__value'>{appConfig.ok ? appConfig.apiBaseUrl : '—'}</Text>
          </View>
        )}
      </View>
    </View>
  )
}
