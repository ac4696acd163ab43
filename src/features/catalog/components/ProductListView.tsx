import type { ProductSummary } from '@contract'
import { useT } from '../../../shared/i18n'
import { StateView } from '../../../shared/ui'
import type { ProductListState } from '../useProductList'
import { ProductGrid } from './ProductGrid'

/** A paged list's states: first load, first-page error or empty, then the grid with a retry for later pages. */
export function ProductListView({
  list,
  onOpenProduct,
}: {
  list: ProductListState
  onOpenProduct: (product: ProductSummary) => void
}) {
  const t = useT()
  const firstLoad = list.items.length === 0
  return (
    <StateView
      loading={firstLoad && list.loading}
      error={firstLoad ? list.error : undefined}
      empty={firstLoad && !list.hasMore}
      emptyText={t('home.noProducts')}
      onRetry={list.retry}
    >
      <ProductGrid
        products={list.items}
        hasMore={list.hasMore}
        loading={list.loading}
        onOpenProduct={onOpenProduct}
      />
      {!firstLoad && list.error !== undefined && <StateView error={list.error} onRetry={list.retry} />}
    </StateView>
  )
}
