import { View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useState } from 'react'
import { syncCartBadge } from '../../features/cart'
import { CategoryBar, fetchCategories, ProductGrid, SearchBar, useProductList } from '../../features/catalog'
import { useT } from '../../shared/i18n'
import { useResource } from '../../shared/hooks/useResource'
import { StateView } from '../../shared/ui'

export default function HomePage() {
  const t = useT()
  const [categoryId, setCategoryId] = useState<string>()
  const [q, setQ] = useState<string>()
  const categories = useResource('categories', fetchCategories)
  const products = useProductList({ categoryId, q })

  useDidShow(() => syncCartBadge())
  usePullDownRefresh(async () => {
    await Promise.all([categories.reload(), products.refresh()])
    Taro.stopPullDownRefresh()
  })
  useReachBottom(() => {
    if (!products.error) void products.loadMore()
  })

  const firstLoad = products.items.length === 0
  return (
    <View className='page'>
      <SearchBar onSearch={setQ} />
      {categories.data && !q && (
        <CategoryBar categories={categories.data.items} activeId={categoryId} onChange={setCategoryId} />
      )}
      <StateView
        loading={firstLoad && products.loading}
        error={firstLoad ? products.error : undefined}
        empty={firstLoad && !products.hasMore}
        emptyText={t('home.noProducts')}
        onRetry={products.refresh}
      >
        <ProductGrid products={products.items} hasMore={products.hasMore} loading={products.loading} />
        {!firstLoad && products.error !== undefined && (
          <StateView error={products.error} onRetry={products.loadMore} />
        )}
      </StateView>
    </View>
  )
}
