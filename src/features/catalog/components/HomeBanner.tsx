import { Image, ScrollView, Text, View } from '@tarojs/components'
import { appConfig } from '../../../shared/config'
import { useLocaleStore } from '../../../shared/i18n'
import { shopConfig } from '../../../shop.config'
import './catalog.scss'

const imageUrl = (file: string) => (appConfig.ok ? `${appConfig.apiBaseUrl}/images/${file}` : '')

/** The shop's promotions (src/shop.config.ts `banners`), side by side; nothing when there are none. */
export function HomeBanner({ onOpenProduct }: { onOpenProduct: (productId: string) => void }) {
  const locale = useLocaleStore((state) => state.locale)
  if (!shopConfig.banners.length) return null
  return (
    <ScrollView className='home-banner' scrollX>
      {shopConfig.banners.map((banner) => (
        <View
          key={banner.productId}
          className='home-banner__item'
          onClick={() => onOpenProduct(banner.productId)}
        >
          <View className='home-banner__text'>
            <Text className='home-banner__title'>{banner.title[locale]}</Text>
            <Text className='home-banner__subtitle'>{banner.subtitle[locale]}</Text>
          </View>
          <Image className='home-banner__image' src={imageUrl(banner.image)} mode='aspectFill' />
        </View>
      ))}
    </ScrollView>
  )
}
