import type { Address } from '@contract'
import { ADDRESS_FIELD_LENGTHS, PHONE_LENGTH_MAX } from '@contract/limits'
import { Input, Text, View } from '@tarojs/components'
import { useT, type MessageKey } from '../../../shared/i18n'
import type { AddressErrors, AddressField } from '../address'
import { RegionPicker } from './RegionPicker'
import './checkout.scss'

const FIELDS: { field: AddressField; label: MessageKey; type: 'text' | 'number'; maxlength: number }[] = [
  { field: 'name', label: 'address.name', type: 'text', maxlength: ADDRESS_FIELD_LENGTHS.name.max },
  { field: 'phone', label: 'address.phone', type: 'number', maxlength: PHONE_LENGTH_MAX },
  { field: 'region', label: 'address.region', type: 'text', maxlength: ADDRESS_FIELD_LENGTHS.region.max },
  { field: 'detail', label: 'address.detail', type: 'text', maxlength: ADDRESS_FIELD_LENGTHS.detail.max },
]

/** Error messages name the field's bounds ({min}, {max}). */
const boundsOf = (field: AddressField) => (field === 'phone' ? undefined : ADDRESS_FIELD_LENGTHS[field])

interface AddressFormProps {
  value: Address
  /** The errors to show: those of the fields the buyer has left, or all after a submit. */
  errors: AddressErrors
  onChange: (value: Address) => void
  /** The buyer left a field (or closed the region picker). */
  onVisit: (field: AddressField) => void
}

export function AddressForm({ value, errors, onChange, onVisit }: AddressFormProps) {
  const t = useT()
  return (
    <View className='checkout-card'>
      <Text className='checkout-card__title'>{t('address.title')}</Text>
      {FIELDS.map(({ field, label, type, maxlength }) => (
        <View key={field} className='address-field'>
          <Text className='address-field__label'>{t(label)}</Text>
          {field === 'region' ? (
            <RegionPicker
              value={value.region}
              invalid={errors.region !== undefined}
              onChange={(region) => onChange({ ...value, region })}
              onClose={() => onVisit('region')}
            />
          ) : (
            <Input
              className={`address-field__input ${errors[field] ? 'address-field__input--invalid' : ''}`}
              type={type}
              maxlength={maxlength}
              value={value[field]}
              placeholder={t(label)}
              onInput={(event) => onChange({ ...value, [field]: event.detail.value })}
              onBlur={() => onVisit(field)}
            />
          )}
          {errors[field] && (
            <Text className='address-field__error'>{t(errors[field]!, boundsOf(field))}</Text>
          )}
        </View>
      ))}
    </View>
  )
}
