import { Card } from 'antd'
import { useState } from 'react'
import { fetchOrders } from '../features/orders/api'
import { filterFromQuery, filterToQuery } from '../features/orders/filter'
import { OrderFilters } from '../features/orders/OrderFilters'
import { OrderTable } from '../features/orders/OrderTable'
import { ShipModal } from '../features/orders/ShipModal'
import { useT } from '../i18n'
import { navigate, useLocation } from '../shared/router'
import { Page } from '../shared/ui'
import { useRequest } from '../shared/useRequest'

export function OrdersPage() {
  const t = useT()
  const { query } = useLocation()
  const filter = filterFromQuery(query)
  const key = filterToQuery(filter)
  const orders = useRequest(`orders${key}`, () => fetchOrders(filter))
  const [shipping, setShipping] = useState<string>()

  return (
    <Page title={t('orders.title')}>
      <Card>
        <OrderFilters filter={filter} onChange={(next) => navigate(`/orders${filterToQuery(next)}`)} />
      </Card>
      <Card>
        <OrderTable
          list={orders}
          onPageChange={(page) => navigate(`/orders${filterToQuery({ ...filter, page })}`)}
          onShip={setShipping}
        />
      </Card>
      <ShipModal
        orderId={shipping}
        onClose={() => setShipping(undefined)}
        onOrderChanged={() => {
          setShipping(undefined)
          orders.reload()
        }}
      />
    </Page>
  )
}
