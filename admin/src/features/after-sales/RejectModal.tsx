import { Form, Input, Modal } from 'antd'
import { useState } from 'react'
import { AFTER_SALES_REJECT_REASON_LENGTH } from '@contract/limits'
import { useT } from '../../i18n'
import { validValues } from '../../shared/forms'
import { testId } from '../../shared/ui'

interface RejectModalProps {
  open: boolean
  onClose: () => void
  onReject: (reason: string) => Promise<void>
}

/** The reason the buyer will read; the request is rejected only with one. */
export function RejectModal({ open, onClose, onReject }: RejectModalProps) {
  const t = useT()
  const [form] = Form.useForm<{ reason: string }>()
  const [sending, setSending] = useState(false)
  const { min, max } = AFTER_SALES_REJECT_REASON_LENGTH

  const submit = async () => {
    const values = await validValues(form)
    if (!values) return
    const { reason } = values
    setSending(true)
    try {
      await onReject(reason.trim())
    } finally {
      setSending(false)
    }
  }

  return (
    <Modal
      open={open}
      title={t('afterSales.rejectTitle')}
      okText={t('afterSales.reject')}
      okButtonProps={{ danger: true, ...testId('reject-submit') }}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={sending}
      destroyOnHidden
    >
      <Form form={form} layout='vertical' preserve={false}>
        <Form.Item
          name='reason'
          label={t('afterSales.rejectReasonLabel')}
          rules={[
            {
              required: true,
              whitespace: true,
              min,
              max,
              message: t('afterSales.rejectReasonRule', { min, max }),
            },
          ]}
        >
          <Input.TextArea rows={4} maxLength={max} showCount data-testid='reject-reason' />
        </Form.Item>
      </Form>
    </Modal>
  )
}
