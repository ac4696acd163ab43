import { UserAddOutlined } from '@ant-design/icons'
import { Button, Card } from 'antd'
import { useState } from 'react'
import { fetchStaff } from '../features/staff/api'
import { AddStaffModal } from '../features/staff/AddStaffModal'
import { ResetPasswordModal } from '../features/staff/ResetPasswordModal'
import { StaffTable } from '../features/staff/StaffTable'
import { useT } from '../i18n'
import { Page } from '../shared/ui'
import { useRequest } from '../shared/useRequest'

/** Owners: the shop's accounts. */
export function StaffPage() {
  const t = useT()
  const staff = useRequest('staff', fetchStaff)
  const [adding, setAdding] = useState(false)
  const [resetting, setResetting] = useState<string>()
  return (
    <Page
      title={t('staff.title')}
      extra={
        <Button
          type='primary'
          icon={<UserAddOutlined />}
          onClick={() => setAdding(true)}
          data-testid='staff-add'
        >
          {t('staff.add')}
        </Button>
      }
    >
      <Card>
        <StaffTable list={staff} onChanged={staff.reload} onResetPassword={setResetting} />
      </Card>
      <AddStaffModal
        open={adding}
        onClose={() => setAdding(false)}
        onAdded={() => {
          setAdding(false)
          staff.reload()
        }}
      />
      <ResetPasswordModal name={resetting} onClose={() => setResetting(undefined)} />
    </Page>
  )
}
