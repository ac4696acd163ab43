import type { CreateStaffInput } from '@contract'
import { Form, Input, Radio } from 'antd'
import { STAFF_NAME_LENGTH, STAFF_NAME_PATTERN } from '@contract/limits'
import { useT } from '../../i18n'
import { FormModal } from '../../shared/FormModal'
import { useAction } from '../../shared/useAction'
import { addStaff } from './api'
import { passwordRules } from './passwordRule'

export function AddStaffModal({
  open,
  onClose,
  onAdded,
}: {
  open: boolean
  onClose: () => void
  onAdded: () => void
}) {
  const t = useT()
  const { run } = useAction()
  const { min, max } = STAFF_NAME_LENGTH

  return (
    <FormModal<CreateStaffInput>
      open={open}
      title={t('staff.add')}
      okText={t('staff.add')}
      okTestId='staff-add-submit'
      initialValues={{ role: 'staff' }}
      onSubmit={async (values) => {
        if (await run(() => addStaff(values), 'staff.added')) onAdded()
      }}
      onClose={onClose}
    >
      <Form.Item
        name='name'
        label={t('staff.name')}
        rules={[
          {
            required: true,
            min,
            max,
            pattern: new RegExp(STAFF_NAME_PATTERN),
            message: t('staff.nameRule', { min, max }),
          },
        ]}
      >
        <Input maxLength={max} autoComplete='off' data-testid='staff-add-name' />
      </Form.Item>
      <Form.Item name='role' label={t('staff.role')} rules={[{ required: true }]}>
        <Radio.Group
          options={[
            { value: 'staff', label: t('role.staff') },
            { value: 'owner', label: t('role.owner') },
          ]}
          optionType='button'
        />
      </Form.Item>
      <Form.Item name='password' label={t('staff.password')} rules={passwordRules(t)}>
        <Input.Password autoComplete='new-password' data-testid='staff-add-password' />
      </Form.Item>
    </FormModal>
  )
}
