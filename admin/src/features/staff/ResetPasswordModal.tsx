import { Form, Input, Modal } from 'antd'
import { useT } from '../../i18n'
import { validValues } from '../../shared/forms'
import { testId } from '../../shared/ui'
import { useAction } from '../../shared/useAction'
import { resetStaffPassword } from './api'
import { passwordRules } from './passwordRule'

/** A new password for `name` (open while set); their sessions end on the server. */
export function ResetPasswordModal({ name, onClose }: { name: string | undefined; onClose: () => void }) {
  const t = useT()
  const [form] = Form.useForm<{ password: string }>()
  const { running, run } = useAction()

  const submit = async () => {
    if (!name) return
    const values = await validValues(form)
    if (!values) return
    const { password } = values
    if (await run(() => resetStaffPassword(name, password), 'staff.passwordReset')) onClose()
  }

  return (
    <Modal
      open={name !== undefined}
      title={t('staff.resetTitle', { name: name ?? '' })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={running}
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
