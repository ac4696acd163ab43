import { SEARCH_TEXT_MAX } from '@contract/limits'
import { Input, View } from '@tarojs/components'
import { useT } from '../../../shared/i18n'
import './catalog.scss'

/**
 * Searches when the buyer confirms (keyboard "search"), and clears back to browsing. Uncontrolled
 * (H5's input loses typed text under a controlled `value`): to empty it, the page gives it a new key.
 */
export function SearchBar({ onSearch }: { onSearch: (q: string | undefined) => void }) {
  const t = useT()
  return (
    <View className='search-bar'>
      <Input
        className='search-bar__input'
        type='text'
        confirmType='search'
        maxlength={SEARCH_TEXT_MAX}
        placeholder={t('home.searchPlaceholder')}
        onConfirm={(event) => onSearch(event.detail.value.trim() || undefined)}
        onInput={(event) => {
          if (!event.detail.value) onSearch(undefined)
        }}
      />
    </View>
  )
}
