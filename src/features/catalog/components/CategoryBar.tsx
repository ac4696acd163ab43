import type { Category } from '@contract'
import { ScrollView, Text, View } from '@tarojs/components'
import { useT } from '../../../shared/i18n'
import './catalog.scss'

interface CategoryBarProps {
  categories: readonly Category[]
  /** undefined = all categories */
  activeId?: string
  onChange: (categoryId?: string) => void
}

export function CategoryBar({ categories, activeId, onChange }: CategoryBarProps) {
  const t = useT()
  const tabs = [{ id: undefined, name: t('home.allCategories') }, ...categories]
  return (
    <ScrollView className='category-bar' scrollX enhanced showScrollbar={false}>
      {tabs.map((category) => (
        <View
          key={category.id ?? 'all'}
          className={`category-bar__item ${category.id === activeId ? 'category-bar__item--active' : ''}`}
          onClick={() => onChange(category.id)}
        >
          <Text>{category.name}</Text>
        </View>
      ))}
    </ScrollView>
  )
}
