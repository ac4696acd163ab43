import { Text, View } from '@tarojs/components'
import './ui.scss'

interface StepperProps {
  value: number
  min?: number
  max: number
  onChange: (value: number) => void
  /** Called when a tap would go past `max` (e.g. to say how many are in stock). */
  onLimit?: () => void
}

/** − value + , never leaving [min, max]. */
export function Stepper({ value, min = 1, max, onChange, onLimit }: StepperProps) {
  const canDecrease = value > min
  const canIncrease = value < max
  return (
    <View className='stepper'>
      <View
        className={`stepper__button ${canDecrease ? '' : 'stepper__button--disabled'}`}
        onClick={() => canDecrease && onChange(value - 1)}
      >
        <Text>−</Text>
      </View>
      <Text className='stepper__value'>{value}</Text>
      <View
        className={`stepper__button ${canIncrease ? '' : 'stepper__button--disabled'}`}
        onClick={() => (canIncrease ? onChange(value + 1) : onLimit?.())}
      >
        <Text>+</Text>
      </View>
    </View>
  )
}
