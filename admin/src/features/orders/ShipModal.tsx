import type { MerchantOrder, ShipmentInput } from '@contract'
import { App, Form, Input, Modal } from 'antd'
import { useState } from 'react'
import { CARRIER_LENGTH, TRACKING_NO_PATTERN } from '@contract/limits'
import { useT } from '../../i18n'
import { errorText } from '../../shared/errors'
import { validValues } from '../../shared/forms'
import { testId } from '../../shared/ui'
import { shipOrder } from './api'

const TRACKING_NO = new RegExp(TRACKING_NO_PATTERN)

interface ShipModalProps {
  orderId: string | undefined
  onClose: () => void
  onShipped: (order: MerchantOrder) => void
}

/** Carrier and tracking number for a paid order; open while `orderId` is set. */
export function ShipModal({ orderId, onClose, onShipped }: ShipModalProps) {
  const t = useT()
  const { message } = App.useApp()
  const [form] = Form.useForm<ShipmentInput>()
  const [sending, setSending] = useState(false)

  const submit = async () => {
    if (!orderId) return
    const values = await validValues(form)
    if (!values) return
    setSending(true)
    try {
      const order = await shipOrder(orderId, {
        carrier: values.carrier.trim(),
        trackingNo: values.trackingNo.trim(),
      })
      message.success(t('orders.shipped'))
      form.resetFields()
      onShipped(order)
    } catch (error) {
      message.error(errorText(t, error))
    } finally {
      setSending(false)
    }
  }

  return (
    <Modal
      open={orderId !== undefined}
      title={`${t('orders.ship')} · ${orderId ?? ''}`}
      okText={t('orders.ship')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={sending}
      destroyOnHidden
      okButtonProps={testId('ship-submit')}
    >
      <Form form={form} layout='vertical' preserve={false}>
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
          <Input placeholder='顺丰速运' maxLength={CARRIER_LENGTH.max} data-testid='ship-carrier' />
        </Form.Item>
        <Form.Item
          name='trackingNo'
          label={t('orders.trackingNo')}
          rules={[{ required: true, pattern: TRACKING_NO, message: t('orders.trackingRule') }]}
        >
          <Input placeholder='SF1234567890' maxLength={40} data-testid='ship-tracking-no' />
        </Form.Item>
      </Form>
    </Modal>
  )
}
