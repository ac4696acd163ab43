import type { Address } from '@contract'
import { ADDRESS_FIELD_LENGTHS, PHONE_LENGTH_MAX } from '@contract/limits'
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useT, type MessageKey } from '../../../shared/i18n'
import { pageUrl } from '../../../shared/routes'
import type { AddressErrors, AddressField } from '../address'
import type { PlatformAddressAction } from '../usePlatformAddress'
import { PlatformAddressButton, PlatformAddressNotice } from './PlatformAddressAction'
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
  /** "Use my Alipay address", where the platform has an address book to read. */
  platformAddress?: PlatformAddressAction
}

/**
 * The address card. Under its title, on every surface, what the address is for and the privacy
 * notice (pages/help/privacy), right below the platform's address action where there is one.
 */
export function AddressForm({ value, errors, onChange, onVisit, platformAddress }: AddressFormProps) {
  const t = useT()
  return (
    <View className='checkout-card'>
      <View className='checkout-card__head'>
        <Text className='checkout-card__title'>{t('address.title')}</Text>
        {platformAddress && <PlatformAddressButton action={platformAddress} />}
      </View>
      <View className='checkout-card__privacy'>
        <Text>{t('address.privacyNote')}</Text>
        <Text
          className='checkout-card__link'
          onClick={() => void Taro.navigateTo({ url: pageUrl('privacy') })}
        >
          {t('address.privacyLink')} ›
        </Text>
      </View>
      {platformAddress && <PlatformAddressNotice action={platformAddress} />}
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
