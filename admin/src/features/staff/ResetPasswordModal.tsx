import { Form, Input } from 'antd'
import { useT } from '../../i18n'
import { FormModal } from '../../shared/FormModal'
import { useAction } from '../../shared/useAction'
import { resetStaffPassword } from './api'
import { passwordRules } from './passwordRule'

/** A new password for `name` (open while set); their sessions end on the server. */
export function ResetPasswordModal({ name, onClose }: { name: string | undefined; onClose: () => void }) {
  const t = useT()
  const { run } = useAction()

  return (
    <FormModal<{ password: string }>
      open={name !== undefined}
      title={t('staff.resetTitle', { name: name ?? '' })}
      okText={t('common.save')}
      okTestId='staff-reset-submit'
      onSubmit={async ({ password }) => {
        if (name && (await run(() => resetStaffPassword(name, password), 'staff.passwordReset'))) onClose()
      }}
      onClose={onClose}
    >
      <Form.Item name='password' label={t('staff.newPassword')} rules={passwordRules(t)}>
        <Input.Password autoComplete='new-password' data-testid='staff-reset-password' />
      </Form.Item>
    </FormModal>
  )
}
