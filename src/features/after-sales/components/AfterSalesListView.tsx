import type { AfterSalesRequest } from '@contract'
import { Text } from '@tarojs/components'
import type { PagedList } from '../../../shared/hooks/usePagedList'
import { useT } from '../../../shared/i18n'
import { StateView } from '../../../shared/ui'
import { AfterSalesCard } from './AfterSalesCard'
import './after-sales.scss'

/** The buyer's requests, page by page: what the list page and the orders page's tab show. */
export function AfterSalesListView({
  list,
  onOpen,
}: {
  list: PagedList<AfterSalesRequest>
  onOpen: (request: AfterSalesRequest) => void
}) {
  const t = useT()
  const firstLoad = list.items.length === 0
  return (
    <StateView
      loading={firstLoad && list.loading}
      error={list.error}
      onRetry={list.retry}
      empty={firstLoad && !list.hasMore}
      emptyText={t('afterSales.empty')}
    >
      {list.items.map((request) => (
        <AfterSalesCard key={request.id} request={request} onOpen={() => onOpen(request)} />
      ))}
      {!list.hasMore && <Text className='after-sales-list__end'>{t('state.noMore')}</Text>}
    </StateView>
  )
}
