import type { ProductDetail } from '@contract'
import { Text, View } from '@tarojs/components'
import { choose, isValueAvailable, type SkuSelection } from '../sku'
import './sku-picker.scss'

interface SkuPickerProps {
  product: ProductDetail
  selection: SkuSelection
  /** Sold out: every chip greyed, none can be chosen. */
  disabled?: boolean
  onChange: (selection: SkuSelection) => void
}

/** One row of chips per option; chips that lead to no stock are disabled. */
export function SkuPicker({ product, selection, disabled = false, onChange }: SkuPickerProps) {
  return (
    <View className='sku-picker'>
      {product.options.map((option, optionIndex) => (
        <View key={option.name} className='sku-picker__option'>
          <Text className='sku-picker__name'>{option.name}</Text>
          <View className='sku-picker__values'>
            {option.values.map((value) => {
              const available = !disabled && isValueAvailable(product.skus, selection, optionIndex, value)
              const chosen = !disabled && selection[optionIndex] === value
              const state = chosen ? 'chip--chosen' : available ? '' : 'chip--disabled'
              return (
                <View
                  key={value}
                  className={`chip ${state}`}
                  onClick={() => (available || chosen) && onChange(choose(selection, optionIndex, value))}
                >
                  <Text>{value}</Text>
                </View>
              )
            })}
          </View>
        </View>
      ))}
    </View>
  )
}
