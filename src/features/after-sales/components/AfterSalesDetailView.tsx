import type { AfterSalesRequest, ReturnShipmentInput } from '@contract'
import { Text, View } from '@tarojs/components'
import { formatDateTime } from '../../../shared/datetime'
import { useT } from '../../../shared/i18n'
import { ActionButton, OrderLineRow, Price } from '../../../shared/ui'
import {
  ACTOR_WORDS,
  EVENT_WORDS,
  KIND_WORDS,
  REASON_WORDS,
  STATUS_WORDS,
  canCancel,
  newestFirst,
  refundWords,
} from '../status'
import { ReturnShipmentForm } from './ReturnShipmentForm'
import './after-sales.scss'
import '../../../shared/ui/order-line.scss'

interface AfterSalesDetailViewProps {
  request: AfterSalesRequest
  busy?: 'cancel' | 'return'
  onCancel: () => void
  onReturn: (parcel: ReturnShipmentInput) => void
  onOpenOrder: () => void
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <View className='after-sales-field'>
      <Text className='after-sales-field__label'>{label}</Text>
      <Text className='after-sales-field__value'>{value}</Text>
    </View>
  )
}

/** One request: where it stands, the money, the return parcel, its items, its timeline, cancel. */
export function AfterSalesDetailView({
  request,
  busy,
  onCancel,
  onReturn,
  onOpenOrder,
}: AfterSalesDetailViewProps) {
  const t = useT()
  const { refund } = request
  return (
    <View className='after-sales-detail'>
      <View className={`after-sales-detail__status after-sales-status--${request.status}`}>
        <Text className='after-sales-detail__status-text'>{t(STATUS_WORDS[request.status].label)}</Text>
        <Text className='after-sales-detail__hint'>{t(STATUS_WORDS[request.status].hint)}</Text>
        {request.rejectReason && (
          <Text className='after-sales-detail__hint'>
            {t('afterSales.rejectReason', { reason: request.rejectReason })}
          </Text>
        )}
      </View>

      <View className='after-sales-card'>
        <View className='after-sales-detail__amount'>
          <Text className='after-sales-card__title'>{t('afterSales.refundAmount')}</Text>
          <Price fen={refund?.amount ?? request.refundAmount} size='large' />
        </View>
        <Text
          className={`after-sales-detail__refund after-sales-detail__refund--${refund?.status ?? 'none'}`}
        >
          {t(refundWords(request), { time: refund?.refundedAt ? formatDateTime(refund.refundedAt) : '' })}
        </Text>
        {refund && (
          <Text className='after-sales-detail__meta'>
            {t('afterSales.refund.outRequestNo', { no: refund.outRequestNo })}
          </Text>
        )}
      </View>

      {request.status === 'awaiting_return' && (
        <ReturnShipmentForm sending={busy === 'return'} onSubmit={onReturn} />
      )}
      {request.returnShipment && (
        <View className='after-sales-card'>
          <Text className='after-sales-card__title'>{t('afterSales.return.title')}</Text>
          <Text className='after-sales-detail__text'>
            {t('afterSales.return.shown', request.returnShipment)}
          </Text>
        </View>
      )}

      <View className='after-sales-card'>
        <Text className='after-sales-card__title'>{t('afterSales.itemsLabel')}</Text>
        {request.lines.map((line) => (
          <OrderLineRow
            key={line.lineNo}
            image={line.image}
            title={line.title}
            skuLabel={line.skuLabel}
            quantity={line.quantity}
            total={line.refundAmount}
          />
        ))}
      </View>

      <View className='after-sales-card'>
        <Field label={t('afterSales.kindLabel')} value={t(KIND_WORDS[request.kind].label)} />
        <Field label={t('afterSales.reasonLabel')} value={t(REASON_WORDS[request.reason])} />
        {request.note && <Field label={t('afterSales.noteLabel')} value={request.note} />}
        <Text className='after-sales-detail__meta'>{t('afterSales.number', { id: request.id })}</Text>
        <Text className='after-sales-detail__meta after-sales-detail__link' onClick={onOpenOrder}>
          {t('orders.number', { id: request.orderId })} ›
        </Text>
      </View>

      <View className='after-sales-card'>
        <Text className='after-sales-card__title'>{t('afterSales.timeline')}</Text>
        {newestFirst(request.events).map((event, index) => (
          <View
            key={`${event.type}@${event.at}`}
            className={`timeline__step ${index === 0 ? 'timeline__step--latest' : ''}`}
          >
            <View className='timeline__dot' />
            <View className='timeline__body'>
              <Text className='timeline__title'>
                {t(EVENT_WORDS[event.type])} · {t(ACTOR_WORDS[event.by])}
              </Text>
              {event.note && <Text className='timeline__note'>{event.note}</Text>}
              <Text className='timeline__time'>{formatDateTime(event.at)}</Text>
            </View>
          </View>
        ))}
      </View>

      {canCancel(request.status) && (
        <View className='after-sales-detail__actions'>
          <ActionButton disabled={busy !== undefined} onClick={onCancel}>
            {busy === 'cancel' ? t('afterSales.cancelling') : t('afterSales.cancel')}
          </ActionButton>
        </View>
      )}
    </View>
  )
}
