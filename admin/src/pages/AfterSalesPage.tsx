import type { AfterSalesStatus } from '@contract'
import { Card, Tabs } from 'antd'
import { AfterSalesDrawer } from '../features/after-sales/AfterSalesDrawer'
import { AfterSalesTable } from '../features/after-sales/AfterSalesTable'
import { fetchAfterSalesList } from '../features/after-sales/api'
import { useT } from '../i18n'
import { navigate, useLocation } from '../shared/router'
import { AFTER_SALES_STATUSES } from '../shared/StatusTag'
import { Page } from '../shared/ui'
import { useRequest } from '../shared/useRequest'

const ALL = 'all'

/** The queue by status; /after-sales/<id> opens one request in a drawer over it. */
export function AfterSalesPage({ requestId }: { requestId?: string }) {
  const t = useT()
  const { query } = useLocation()
  const statusParam = query.get('status')
  const status = AFTER_SALES_STATUSES.find((candidate) => candidate === statusParam)
  const page = Math.max(1, Number(query.get('page')) || 1)
  const search = (next: { status?: AfterSalesStatus; page?: number }) => {
    const params = new URLSearchParams()
    if (next.status) params.set('status', next.status)
    if (next.page && next.page > 1) params.set('page', String(next.page))
    const text = params.toString()
    return text ? `?${text}` : ''
  }
  const listSearch = search({ status, page })
  const list = useRequest(`after-sales${listSearch}`, () => fetchAfterSalesList({ status, page }))

  return (
    <Page title={t('afterSales.title')}>
      <Card>
        <Tabs
          activeKey={status ?? ALL}
          onChange={(key) =>
            navigate(`/after-sales${search({ status: key === ALL ? undefined : (key as AfterSalesStatus) })}`)
          }
          items={[
            { key: ALL, label: t('common.all') },
            ...AFTER_SALES_STATUSES.map((value) => ({ key: value, label: t(`afterSalesStatus.${value}`) })),
          ]}
        />
        <AfterSalesTable
          list={list}
          detailLink={(id) => `/after-sales/${id}${listSearch}`}
          onPageChange={(next) => navigate(`/after-sales${search({ status, page: next })}`)}
        />
      </Card>
      <AfterSalesDrawer
        requestId={requestId}
        onClose={() => navigate(`/after-sales${listSearch}`)}
        onChanged={list.reload}
      />
    </Page>
  )
}
