import type { ProductSummary } from '@contract'
import { useT } from '../../../shared/i18n'
import { ActionButton, StateView } from '../../../shared/ui'
import type { ProductListState } from '../useProductList'
import { ProductGrid } from './ProductGrid'

/** A paged list's states: first load, first-page error or empty, then the grid with a retry for later pages. */
export function ProductListView({
  list,
  onOpenProduct,
  emptyText,
  emptyAction,
}: {
  list: ProductListState
  onOpenProduct: (product: ProductSummary) => void
  /** What the empty state says, and its way back (clear the search, all categories). */
  emptyText?: string
  emptyAction?: { label: string; onClick: () => void }
}) {
  const t = useT()
  const firstLoad = list.items.length === 0
  return (
    <StateView
      loading={firstLoad && list.loading}
      error={firstLoad ? list.error : undefined}
      empty={firstLoad && !list.hasMore}
      emptyText={emptyText ?? t('home.noProducts')}
      emptyAction={
        emptyAction && (
          <ActionButton kind='primary' onClick={emptyAction.onClick}>
            {emptyAction.label}
          </ActionButton>
        )
      }
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
