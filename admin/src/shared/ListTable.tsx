/**
 * Tables of what a list endpoint answers, with the states every list shows the same way: a failed
 * load with its Retry button above the table, the loading spinner over the rows already there, and
 * the sentence an empty list shows.
 */
import { Table, type TableProps } from 'antd'
import { useEffect, useRef } from 'react'
import { useT } from '../i18n'
import { pageInsteadOfEmpty } from './paging'
import { EmptyState, LoadError } from './ui'
import type { RequestState } from './useRequest'

/** What a list endpoint answers: its items. */
export interface ListAnswer<Item> {
  items: Item[]
}

/** One page of a list as the API answers it. */
export interface ListPage<Item> extends ListAnswer<Item> {
  page: number
  pageSize: number
  total: number
}

interface ListTableProps<Item> extends Omit<TableProps<Item>, 'dataSource' | 'loading' | 'locale'> {
  /** The list's request: its answer, whether it is loading, its error, and reload for Retry. */
  list: RequestState<ListAnswer<Item>>
  /** The sentence an empty list shows: what to try instead. */
  empty: string
}

/** A whole list in one table (no page links unless `pagination` is given). */
export function ListTable<Item extends object>({
  list,
  empty,
  pagination = false,
  ...table
}: ListTableProps<Item>) {
  return (
    <>
      {list.error && <LoadError error={list.error} onRetry={list.reload} />}
      <Table<Item>
        // Narrower than its columns (a phone), the table scrolls sideways instead of one letter per line.
        scroll={{ x: 'max-content' }}
        {...table}
        dataSource={list.data?.items}
        loading={list.loading}
        pagination={pagination}
        locale={{ emptyText: <EmptyState description={empty} /> }}
      />
    </>
  )
}

/** What a page hands the table of a paged list: the request, and where a page link goes. */
export interface PagedList<Page> {
  list: RequestState<Page>
  onPageChange: (page: number) => void
}

type PagedTableProps<Item> = Omit<ListTableProps<Item>, 'list' | 'pagination'> & PagedList<ListPage<Item>>

/** A table of a paged list: a ListTable with page links and the total. */
export function PagedTable<Item extends object>({ list, onPageChange, ...table }: PagedTableProps<Item>) {
  const t = useT()
  // An answer with no rows past page 1 (an action emptied it) moves to the last page with rows.
  // Only a new answer decides: the page's handler is a new function on every render.
  const onPageChangeRef = useRef(onPageChange)
  onPageChangeRef.current = onPageChange
  const stepBackTo = list.data && !list.loading ? pageInsteadOfEmpty(list.data) : undefined
  useEffect(() => {
    if (stepBackTo !== undefined) onPageChangeRef.current(stepBackTo)
  }, [stepBackTo, list.data])
  return (
    <ListTable<Item>
      {...table}
      list={list}
      pagination={{
        current: list.data?.page ?? 1,
        pageSize: list.data?.pageSize,
        total: list.data?.total,
        showSizeChanger: false,
        showTotal: (total) => t('common.total', { total }),
        onChange: onPageChange,
      }}
    />
  )
}
