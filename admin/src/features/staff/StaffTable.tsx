import type { StaffAccount, StaffAccountList } from '@contract'
import { Badge, Button, Popconfirm, Space, Tag, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { useT } from '../../i18n'
import { useStaff } from '../../shared/session'
import { ListTable } from '../../shared/ListTable'
import type { RequestState } from '../../shared/useRequest'
import { Time } from '../../shared/ui'
import { useAction } from '../../shared/useAction'
import { setStaffEnabled } from './api'

interface StaffTableProps {
  list: RequestState<StaffAccountList>
  onChanged: () => void
  onResetPassword: (name: string) => void
}

export function StaffTable({ list, onChanged, onResetPassword }: StaffTableProps) {
  const t = useT()
  const me = useStaff()
  const { running, run } = useAction()
  const [switching, setSwitching] = useState<string>()

  const setEnabled = async (name: string, enabled: boolean) => {
    if (running) return
    setSwitching(name)
    if (
      await run(
        () => setStaffEnabled(name, enabled),
        enabled ? 'staff.enabledMessage' : 'staff.disabledMessage',
        onChanged,
      )
    )
      onChanged()
  }
  // One switch at a time (one useAction for the table): its row's button spins, the other rows'
  // are disabled until it ends.
  const switchState = (name: string) => ({
    loading: running && switching === name,
    disabled: running && switching !== name,
  })

  const columns: TableColumnsType<StaffAccount> = [
    {
      title: t('staff.name'),
      dataIndex: 'name',
      render: (name: string) => (
        <Space>
          {name}
          {name === me.name && <Tag>{t('staff.you')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('staff.role'),
      dataIndex: 'role',
      render: (role: StaffAccount['role']) => (
        <Tag color={role === 'owner' ? 'gold' : 'blue'}>{t(`role.${role}`)}</Tag>
      ),
    },
    {
      title: t('staff.state'),
      key: 'state',
      render: (_, account) =>
        account.disabledAt ? (
          <Badge status='default' text={t('staff.disabled')} />
        ) : (
          <Badge status='success' text={t('staff.active')} />
        ),
    },
    { title: t('staff.createdAt'), dataIndex: 'createdAt', render: (at: string) => <Time iso={at} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, account) =>
        account.name === me.name ? null : (
          <Space>
            <Button
              size='small'
              onClick={() => onResetPassword(account.name)}
              data-testid={`staff-reset-${account.name}`}
            >
              {t('staff.resetPassword')}
            </Button>
            {account.disabledAt ? (
              <Button
                size='small'
                {...switchState(account.name)}
                onClick={() => setEnabled(account.name, true)}
                data-testid={`staff-enable-${account.name}`}
              >
                {t('staff.enable')}
              </Button>
            ) : (
              <Popconfirm
                title={t('staff.disableConfirm', { name: account.name })}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                disabled={running}
                onConfirm={() => setEnabled(account.name, false)}
              >
                <Button
                  size='small'
                  danger
                  {...switchState(account.name)}
                  data-testid={`staff-disable-${account.name}`}
                >
                  {t('staff.disable')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        ),
    },
  ]
  return (
    <ListTable<StaffAccount>
      rowKey='name'
      columns={columns}
      list={list}
      empty={t('staff.empty')}
      data-testid='staff-table'
    />
  )
}
