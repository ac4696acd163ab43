import type { MerchantAfterSalesRequest } from '@contract'
import { App, Button, Popconfirm, Space } from 'antd'
import { useState } from 'react'
import { useT, type MessageKey } from '../../i18n'
import { errorText } from '../../shared/errors'
import { useIsOwner } from '../../shared/session'
import { approveAfterSales, confirmReturnReceived, rejectAfterSales, retryRefund } from './api'
import { RejectModal } from './RejectModal'

interface AfterSalesActionsProps {
  request: MerchantAfterSalesRequest
  onChanged: (request: MerchantAfterSalesRequest) => void
}

type Action = 'approve' | 'reject' | 'receive' | 'retry'

/** What staff may do next with a request, each confirmed first; retrying a refused refund is the owner's. */
export function AfterSalesActions({ request, onChanged }: AfterSalesActionsProps) {
  const t = useT()
  const { message } = App.useApp()
  const isOwner = useIsOwner()
  const [running, setRunning] = useState<Action>()
  const [rejecting, setRejecting] = useState(false)

  const run = async (action: Action, send: () => Promise<MerchantAfterSalesRequest>, done: MessageKey) => {
    setRunning(action)
    try {
      const changed = await send()
      message.success(t(done))
      onChanged(changed)
    } catch (error) {
      message.error(errorText(t, error))
    } finally {
      setRunning(undefined)
    }
  }

  const confirmProps = { okText: t('common.confirm'), cancelText: t('common.cancel') }
  const canRetry = isOwner && request.status === 'refunding' && request.refund?.status === 'failed'
  return (
    <Space wrap>
      {request.status === 'requested' && (
        <>
          <Popconfirm
            title={t('afterSales.approveConfirm')}
            {...confirmProps}
            onConfirm={() => run('approve', () => approveAfterSales(request.id), 'afterSales.approved')}
          >
            <Button type='primary' loading={running === 'approve'} data-testid='after-sales-approve'>
              {t('afterSales.approve')}
            </Button>
          </Popconfirm>
          <Button
            danger
            loading={running === 'reject'}
            onClick={() => setRejecting(true)}
            data-testid='after-sales-reject'
          >
            {t('afterSales.reject')}
          </Button>
        </>
      )}
      {request.status === 'returning' && (
        <Popconfirm
          title={t('afterSales.receiveReturnConfirm')}
          {...confirmProps}
          onConfirm={() =>
            run('receive', () => confirmReturnReceived(request.id), 'afterSales.returnReceived')
          }
        >
          <Button type='primary' loading={running === 'receive'} data-testid='after-sales-return-received'>
            {t('afterSales.receiveReturn')}
          </Button>
        </Popconfirm>
      )}
      {canRetry && (
        <Popconfirm
          title={t('afterSales.retryRefundConfirm')}
          {...confirmProps}
          onConfirm={() => run('retry', () => retryRefund(request.id), 'afterSales.refundRetried')}
        >
          <Button loading={running === 'retry'} data-testid='after-sales-retry-refund'>
            {t('afterSales.retryRefund')}
          </Button>
        </Popconfirm>
      )}
      <RejectModal
        open={rejecting}
        onClose={() => setRejecting(false)}
        onReject={async (reason) => {
          await run('reject', () => rejectAfterSales(request.id, reason), 'afterSales.rejected')
          setRejecting(false)
        }}
      />
    </Space>
  )
}
