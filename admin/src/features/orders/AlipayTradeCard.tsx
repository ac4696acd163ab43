import type { ConsoleAlipayTrade } from '@contract'
import { ReloadOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Descriptions, Skeleton, Tag } from 'antd'
import { useT, isMessageKey } from '../../i18n'
import { errorText } from '../../shared/errors'
import { Amount, Time } from '../../shared/ui'
import type { RequestState } from '../../shared/useRequest'

const TRADE_COLORS: Record<string, string> = {
  WAIT_BUYER_PAY: 'gold',
  TRADE_SUCCESS: 'green',
  TRADE_FINISHED: 'default',
  TRADE_CLOSED: 'default',
}

/**
 * alipay.trade.query asked live when the card shows, on Refresh, and whenever the order page
 * refreshes (the page owns the request); Alipay down is a 502 here.
 */
export function AlipayTradeCard({ trade }: { trade: RequestState<ConsoleAlipayTrade> }) {
  const t = useT()
  const statusLabel = (status: string) => {
    const key = `alipay.status.${status}`
    return isMessageKey(key) ? t(key) : status
  }
  return (
    <Card
      title={t('alipay.title')}
      size='small'
      extra={
        <Button
          size='small'
          icon={<ReloadOutlined />}
          loading={trade.loading}
          onClick={trade.reload}
          data-testid='alipay-refresh'
        >
          {t('common.refresh')}
        </Button>
      }
      data-testid='alipay-trade'
    >
      {trade.error && (
        <Alert
          type={trade.error.code === 'alipay_unavailable' ? 'warning' : 'error'}
          showIcon
          title={
            trade.error.code === 'alipay_unavailable' ? t('alipay.unavailable') : errorText(t, trade.error)
          }
        />
      )}
      {!trade.data && trade.loading && <Skeleton active paragraph={{ rows: 3 }} title={false} />}
      {trade.data && !trade.error && !trade.data.found && (
        <Alert type='info' showIcon title={t('alipay.notFound')} />
      )}
      {trade.data && !trade.error && trade.data.found && (
        <Descriptions column={1} size='small'>
          <Descriptions.Item label={t('alipay.tradeStatus')}>
            {trade.data.tradeStatus ? (
              <Tag
                color={TRADE_COLORS[trade.data.tradeStatus] ?? 'default'}
                data-testid='alipay-trade-status'
              >
                {statusLabel(trade.data.tradeStatus)}
              </Tag>
            ) : (
              t('common.none')
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('orders.tradeNo')}>
            <span className='tabular'>{trade.data.tradeNo ?? t('common.none')}</span>
          </Descriptions.Item>
          {trade.data.totalAmount !== undefined && (
            <Descriptions.Item label={t('alipay.totalAmount')}>
              <Amount fen={trade.data.totalAmount} />
            </Descriptions.Item>
          )}
          {trade.data.refundedAmount !== undefined && (
            <Descriptions.Item label={t('alipay.refundedAmount')}>
              <Amount fen={trade.data.refundedAmount} />
            </Descriptions.Item>
          )}
          {trade.data.buyerLogonIdMasked && (
            <Descriptions.Item label={t('alipay.buyer')}>{trade.data.buyerLogonIdMasked}</Descriptions.Item>
          )}
          <Descriptions.Item label={t('alipay.queriedAt')}>
            <Time iso={trade.data.queriedAt} />
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  )
}
