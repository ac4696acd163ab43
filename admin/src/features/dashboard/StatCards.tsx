import type { MerchantDashboard } from '@contract'
import { Card, Col, Row, Statistic } from 'antd'
import { useT, type MessageKey } from '../../i18n'
import { formatFen } from '../../shared/money'
import { Link } from '../../shared/router'

interface StatCard {
  title: MessageKey
  value: string | number
  to: string
  testId: string
}

/** Today's figures and the two queues, each opening the list it counts. */
export function StatCards({ dashboard }: { dashboard: MerchantDashboard }) {
  const t = useT()
  const today = dashboard.today.date
  const todaysOrders = `/orders?from=${today}&to=${today}`
  const cards: StatCard[] = [
    {
      title: 'dashboard.todayOrders',
      value: dashboard.today.paidOrders,
      to: todaysOrders,
      testId: 'stat-today-orders',
    },
    {
      title: 'dashboard.todayRevenue',
      value: formatFen(dashboard.today.revenue),
      to: todaysOrders,
      testId: 'stat-today-revenue',
    },
    {
      title: 'dashboard.awaitingShipment',
      value: dashboard.awaitingShipment,
      to: '/orders?status=paid',
      testId: 'stat-awaiting-shipment',
    },
    {
      title: 'dashboard.openAfterSales',
      value: dashboard.openAfterSales,
      to: '/after-sales?status=requested',
      testId: 'stat-open-after-sales',
    },
  ]
  return (
    <Row gutter={[16, 16]}>
      {cards.map((card) => (
        <Col key={card.testId} xs={24} sm={12} xl={6}>
          <Link to={card.to} data-testid={card.testId} aria-label={t(card.title)}>
            <Card hoverable>
              <Statistic
                title={t(card.title)}
                value={card.value}
                styles={{ content: { fontVariantNumeric: 'tabular-nums' } }}
              />
            </Card>
          </Link>
        </Col>
      ))}
    </Row>
  )
}
