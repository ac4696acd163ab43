import type { ReturnShipmentInput } from '@contract'
import { CARRIER_LENGTH } from '@contract/limits'
import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { useT } from '../../../shared/i18n'
import { ActionButton } from '../../../shared/ui'
import { returnShipmentErrors, type ReturnShipmentErrors } from '../return-shipment'
import './after-sales.scss'

/** Where the buyer enters the parcel they sent back; checked against the contract's limits first. */
export function ReturnShipmentForm({
  sending,
  onSubmit,
}: {
  sending: boolean
  onSubmit: (parcel: ReturnShipmentInput) => void
}) {
  const t = useT()
  const [parcel, setParcel] = useState<ReturnShipmentInput>({ carrier: '', trackingNo: '' })
  const [errors, setErrors] = useState<ReturnShipmentErrors>({})

  const submit = () => {
    const found = returnShipmentErrors(parcel)
    setErrors(found)
    if (Object.keys(found).length === 0) onSubmit(parcel)
  }

  return (
    <View className='after-sales-card'>
      <Text className='after-sales-card__title'>{t('afterSales.return.title')}</Text>
      <Input
        className={`return-field ${errors.carrier ? 'return-field--invalid' : ''}`}
        value={parcel.carrier}
        maxlength={CARRIER_LENGTH.max}
        placeholder={t('afterSales.return.carrier')}
        onInput={(event) => setParcel({ ...parcel, carrier: event.detail.value })}
      />
      {errors.carrier && (
        <Text className='return-field__error'>{t('afterSales.return.error.carrier', CARRIER_LENGTH)}</Text>
      )}
      <Input
        className={`return-field ${errors.trackingNo ? 'return-field--invalid' : ''}`}
        value={parcel.trackingNo}
        placeholder={t('afterSales.return.trackingNo')}
        onInput={(event) => setParcel({ ...parcel, trackingNo: event.detail.value })}
      />
      {errors.trackingNo && (
        <Text className='return-field__error'>{t('afterSales.return.error.trackingNo')}</Text>
      )}
      <ActionButton kind='primary' className='return-submit' disabled={sending} onClick={submit}>
        {sending ? t('afterSales.return.submitting') : t('afterSales.return.submit')}
      </ActionButton>
    </View>
  )
}
