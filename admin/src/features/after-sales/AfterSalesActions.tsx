import type { MerchantAfterSalesRequest } from '@contract'
import { Button, Popconfirm, Space } from 'antd'
import { useState } from 'react'
import { useT, type MessageKey } from '../../i18n'
import { useIsOwner } from '../../shared/session'
import { useAction } from '../../shared/useAction'
import { approveAfterSales, confirmReturnReceived, rejectAfterSales, retryRefund } from './api'
import { RejectModal } from './RejectModal'

interface AfterSalesActionsProps {
  request: MerchantAfterSalesRequest
  onChanged: () => void
}

type Action = 'approve' | 'reject' | 'receive' | 'retry'

/** What staff may do next with a request, each confirmed first; retrying a refused refund is the owner's. */
export function AfterSalesActions({ request, onChanged }: AfterSalesActionsProps) {
  const t = useT()
  const isOwner = useIsOwner()
  const { running, run } = useAction()
  const [current, setCurrent] = useState<Action>()
  const [rejecting, setRejecting] = useState(false)

  // A refusal (409: another staff member acted first) reloads the request too, and closes the
  // reject modal: the request's new state decides what can be done next.
  const act = async (action: Action, send: () => Promise<MerchantAfterSalesRequest>, done: MessageKey) => {
    if (running) return false
    setCurrent(action)
    const reloadAfterConflict = () => {
      setRejecting(false)
      onChanged()
    }
    const succeeded = await run(send, done, reloadAfterConflict)
    if (succeeded) onChanged()
    return succeeded
  }
  // One action at a time: while one runs, its button spins and the others are disabled (an
  // approval and a rejection must not race).
  const buttonState = (action: Action) => ({
    loading: running && current === action,
    disabled: running && current !== action,
  })

  const confirmProps = { okText: t('common.confirm'), cancelText: t('common.cancel'), disabled: running }
  const canRetry = isOwner && request.status === 'refunding' && request.refund?.status === 'failed'
  return (
    <Space wrap>
      {request.status === 'requested' && (
        <>
          <Popconfirm
            title={t('afterSales.approveConfirm')}
            {...confirmProps}
            onConfirm={() => act('approve', () => approveAfterSales(request.id), 'afterSales.approved')}
          >
            <Button type='primary' {...buttonState('approve')} data-testid='after-sales-approve'>
              {t('afterSales.approve')}
            </Button>
          </Popconfirm>
          <Button
            danger
            {...buttonState('reject')}
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
            act('receive', () => confirmReturnReceived(request.id), 'afterSales.returnReceived')
          }
        >
          <Button type='primary' {...buttonState('receive')} data-testid='after-sales-return-received'>
            {t('afterSales.receiveReturn')}
          </Button>
        </Popconfirm>
      )}
      {canRetry && (
        <Popconfirm
          title={t('afterSales.retryRefundConfirm')}
          {...confirmProps}
          onConfirm={() => act('retry', () => retryRefund(request.id), 'afterSales.refundRetried')}
        >
          <Button {...buttonState('retry')} data-testid='after-sales-retry-refund'>
            {t('afterSales.retryRefund')}
          </Button>
        </Popconfirm>
      )}
      <RejectModal
        open={rejecting}
        onClose={() => setRejecting(false)}
        onReject={async (reason) => {
          if (await act('reject', () => rejectAfterSales(request.id, reason), 'afterSales.rejected'))
            setRejecting(false)
        }}
      />
    </Space>
  )
}
