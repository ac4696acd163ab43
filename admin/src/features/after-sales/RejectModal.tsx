import { Form, Input } from 'antd'
import { AFTER_SALES_REJECT_REASON_LENGTH } from '@contract/limits'
import { useT } from '../../i18n'
import { FormModal } from '../../shared/FormModal'

interface RejectModalProps {
  open: boolean
  onClose: () => void
  onReject: (reason: string) => Promise<void>
}

/** The reason the buyer will read; the request is rejected only with one. */
export function RejectModal({ open, onClose, onReject }: RejectModalProps) {
  const t = useT()
  const { min, max } = AFTER_SALES_REJECT_REASON_LENGTH

  return (
    <FormModal<{ reason: string }>
      open={open}
      title={t('afterSales.rejectTitle')}
      okText={t('afterSales.reject')}
      okTestId='reject-submit'
      danger
      onSubmit={({ reason }) => onReject(reason.trim())}
      onClose={onClose}
    >
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
    </FormModal>
  )
}
