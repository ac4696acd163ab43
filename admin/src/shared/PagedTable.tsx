import { Table, type TableProps } from 'antd'
import { useT } from '../i18n'
import { EmptyState } from './ui'

/** One page of a list as the API answers it. */
export interface ListPage<Item> {
  items: Item[]
  page: number
  pageSize: number
  total: number
}

interface PagedTableProps<Item> extends Omit<
  TableProps<Item>,
  'dataSource' | 'pagination' | 'loading' | 'locale'
> {
  page: ListPage<Item> | undefined
  loading: boolean
  /** The sentence an empty list shows: what to try instead. */
  empty: string
  onPageChange: (page: number) => void
}

/** A table of a paged list: its loading spinner, its empty sentence, and page links with the total. */
export function PagedTable<Item extends object>({
  page,
  loading,
  empty,
  onPageChange,
  ...table
}: PagedTableProps<Item>) {
  const t = useT()
  return (
    <Table<Item>
      {...table}
      dataSource={page?.items}
      loading={loading}
      locale={{ emptyText: <EmptyState description={empty} /> }}
      pagination={{
        current: page?.page ?? 1,
        pageSize: page?.pageSize,
        total: page?.total,
        showSizeChanger: false,
        showTotal: (total) => t('common.total', { total }),
        onChange: onPageChange,
      }}
    />
  )
}
