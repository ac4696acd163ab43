import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useState } from 'react'
import {
  CategoryBar,
  fetchCategories,
  ProductListView,
  productUrl,
  SearchBar,
  useProductList,
} from '../../features/catalog'
import { useTabPage } from '../../features/shell/useTabPage'
import { useResource } from '../../shared/hooks/useResource'

export default function HomePage() {
  const [categoryId, setCategoryId] = useState<string>()
  const [q, setQ] = useState<string>()
  const categories = useResource('categories', fetchCategories)
  const products = useProductList({ categoryId, q })

  useTabPage()
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
        onSearch={(query) => {
          // A search covers every category: the category bar is hidden while searching.
          setCategoryId(undefined)
          setQ(query)
        }}
      />
      {categories.data && !q && (
        <CategoryBar categories={categories.data.items} activeId={categoryId} onChange={setCategoryId} />
      )}
      <ProductListView
        list={products}
        onOpenProduct={(product) => Taro.navigateTo({ url: productUrl(product.id) })}
      />
    </View>
  )
}
