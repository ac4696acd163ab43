import type { ShipmentInput } from '@contract'
import { Form, Input } from 'antd'
import { CARRIER_LENGTH, TRACKING_NO_LENGTH, TRACKING_NO_PATTERN } from '@contract/limits'
import { useT } from '../../i18n'
import { FormModal } from '../../shared/FormModal'
import { useAction } from '../../shared/useAction'
import { shipOrder } from './api'

const TRACKING_NO = new RegExp(TRACKING_NO_PATTERN)

interface ShipModalProps {
  orderId: string | undefined
  onClose: () => void
  /** Shipped, or refused (409: shipped or refunded meanwhile): the modal closes and the order reloads. */
  onOrderChanged: () => void
}

/** Carrier and tracking number for a paid order; open while `orderId` is set. */
export function ShipModal({ orderId, onClose, onOrderChanged }: ShipModalProps) {
  const t = useT()
  const { run } = useAction()

  const submit = async (values: ShipmentInput) => {
    if (!orderId) return
    const shipment = { carrier: values.carrier.trim(), trackingNo: values.trackingNo.trim() }
    if (await run(() => shipOrder(orderId, shipment), 'orders.shipped', onOrderChanged)) onOrderChanged()
  }

  return (
    <FormModal<ShipmentInput>
      open={orderId !== undefined}
      title={`${t('orders.ship')} · ${orderId ?? ''}`}
      okText={t('orders.ship')}
      okTestId='ship-submit'
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item
        name='carrier'
        label={t('orders.carrier')}
        rules={[
          {
            required: true,
            whitespace: true,
            min: CARRIER_LENGTH.min,
            max: CARRIER_LENGTH.max,
            message: t('orders.carrierRule', CARRIER_LENGTH),
          },
        ]}
      >
        <Input
          placeholder={t('orders.carrierPlaceholder')}
          maxLength={CARRIER_LENGTH.max}
          data-testid='ship-carrier'
        />
      </Form.Item>
      <Form.Item
        name='trackingNo'
        label={t('orders.trackingNo')}
        rules={[
          { required: true, pattern: TRACKING_NO, message: t('orders.trackingRule', TRACKING_NO_LENGTH) },
        ]}
      >
        <Input
          placeholder={t('orders.trackingNoPlaceholder')}
          maxLength={TRACKING_NO_LENGTH.max}
          data-testid='ship-tracking-no'
        />
      </Form.Item>
    </FormModal>
  )
}
