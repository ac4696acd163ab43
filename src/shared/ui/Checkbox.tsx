import { Text, View } from '@tarojs/components'
import './ui.scss'

/** A round check mark; the label, if any, is tappable too. */
export function Checkbox({
  checked,
  onChange,
  label,
}: {
  checked: boolean
  onChange: () => void
  label?: string
}) {
  return (
    <View className='checkbox' onClick={onChange}>
      <View className={`checkbox__mark ${checked ? 'checkbox__mark--checked' : ''}`}>
        {checked && <Text className='checkbox__tick'>✓</Text>}
      </View>
      {label && <Text className='checkbox__label'>{label}</Text>}
    </View>
  )
}
