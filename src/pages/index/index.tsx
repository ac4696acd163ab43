import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useState } from 'react'
import {
  CategoryBar,
  fetchCategories,
  HomeBanner,
  ProductListView,
  productUrl,
  SearchBar,
  useProductList,
} from '../../features/catalog'
import { useTabPage } from '../../features/shell/useTabPage'
import { useResource } from '../../shared/hooks/useResource'
import { shopName, useT } from '../../shared/i18n'

export default function HomePage() {
  const t = useT()
  const [categoryId, setCategoryId] = useState<string>()
  const [q, setQ] = useState<string>()
  // A new key empties the search field ("clear search").
  const [searches, setSearches] = useState(0)
  const categories = useResource('categories', fetchCategories)
  const products = useProductList({ categoryId, q })

  // The home page is titled with the shop's name, in the buyer's language.
  useTabPage(shopName)
  usePullDownRefresh(async () => {
    await Promise.all([categories.reload(), products.refresh()])
    Taro.stopPullDownRefresh()
  })
  useReachBottom(() => {
    if (!products.error) void products.loadMore()
  })

  return (
    <View className='page'>
      <SearchBar
        key={searches}
        onSearch={(query) => {
          // A search covers every category: the category bar is hidden while searching.
          setCategoryId(undefined)
          setQ(query)
        }}
      />
      {!q && !categoryId && (
        <HomeBanner onOpenProduct={(productId) => Taro.navigateTo({ url: productUrl(productId) })} />
      )}
      {categories.data && !q && (
        <CategoryBar categories={categories.data.items} activeId={categoryId} onChange={setCategoryId} />
      )}
      <ProductListView
        list={products}
        onOpenProduct={(product) => Taro.navigateTo({ url: productUrl(product.id) })}
        emptyText={q ? t('home.noResults', { q }) : undefined}
        emptyAction={
          q
            ? {
                label: t('home.clearSearch'),
                onClick: () => {
                  setQ(undefined)
                  setSearches(searches + 1)
                },
              }
            : undefined
        }
      />
    </View>
  )
}
