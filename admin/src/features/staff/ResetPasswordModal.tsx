import { App, Form, Input, Modal } from 'antd'
import { useState } from 'react'
import { useT } from '../../i18n'
import { errorText } from '../../shared/errors'
import { validValues } from '../../shared/forms'
import { testId } from '../../shared/ui'
import { resetStaffPassword } from './api'
import { passwordRules } from './passwordRule'

/** A new password for `name` (open while set); their sessions end on the server. */
export function ResetPasswordModal({ name, onClose }: { name: string | undefined; onClose: () => void }) {
  const t = useT()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ password: string }>()
  const [sending, setSending] = useState(false)

  const submit = async () => {
    if (!name) return
    const values = await validValues(form)
    if (!values) return
    const { password } = values
    setSending(true)
    try {
      await resetStaffPassword(name, password)
      message.success(t('staff.passwordReset'))
      onClose()
    } catch (error) {
      message.error(errorText(t, error))
    } finally {
      setSending(false)
    }
  }

  return (
    <Modal
      open={name !== undefined}
      title={t('staff.resetTitle', { name: name ?? '' })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={sending}
      okButtonProps={testId('staff-reset-submit')}
      destroyOnHidden
    >
      <Form form={form} layout='vertical' preserve={false}>
        <Form.Item name='password' label={t('staff.newPassword')} rules={passwordRules(t)}>
          <Input.Password autoComplete='new-password' data-testid='staff-reset-password' />
        </Form.Item>
      </Form>
    </Modal>
  )
}
