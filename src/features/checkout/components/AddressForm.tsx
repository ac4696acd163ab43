import type { Address } from '@contract'
import { Input, Text, View } from '@tarojs/components'
import { useT, type MessageKey } from '../../../shared/i18n'
import type { AddressErrors, AddressField } from '../address'
import './checkout.scss'

const FIELDS: { field: AddressField; label: MessageKey; type: 'text' | 'number'; maxlength: number }[] = [
  { field: 'name', label: 'address.name', type: 'text', maxlength: 40 },
  { field: 'phone', label: 'address.phone', type: 'number', maxlength: 16 },
  { field: 'region', label: 'address.region', type: 'text', maxlength: 80 },
  { field: 'detail', label: 'address.detail', type: 'text', maxlength: 120 },
]

interface AddressFormProps {
  value: Address
  errors: AddressErrors
  onChange: (value: Address) => void
}

export function AddressForm({ value, errors, onChange }: AddressFormProps) {
  const t = useT()
  return (
    <View className='checkout-card'>
      <Text className='checkout-card__title'>{t('address.title')}</Text>
      {FIELDS.map(({ field, label, type, maxlength }) => (
        <View key={field} className='address-field'>
          <Text className='address-field__label'>{t(label)}</Text>
          <Input
            className={`address-field__input ${errors[field] ? 'address-field__input--invalid' : ''}`}
            type={type}
            maxlength={maxlength}
            value={value[field]}
            placeholder={t(label)}
            onInput={(event) => onChange({ ...value, [field]: event.detail.value })}
          />
          {errors[field] && <Text className='address-field__error'>{t(errors[field]!)}</Text>}
        </View>
      ))}
    </View>
  )
}
