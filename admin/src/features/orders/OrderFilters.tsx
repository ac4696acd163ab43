import { DatePicker, Flex, Input, Tabs } from 'antd'
import dayjs from 'dayjs'
import { SEARCH_TEXT_MAX } from '@contract/limits'
import { useT } from '../../i18n'
import { ORDER_STATUSES } from '../../shared/StatusTag'
import type { OrderListFilter } from './api'

const ALL = 'all'
const DAY = 'YYYY-MM-DD'

interface OrderFiltersProps {
  filter: OrderListFilter
  onChange: (filter: OrderListFilter) => void
}

/** Status tabs, the day range they were placed in, and a search by order number, trade_no or phone. */
export function OrderFilters({ filter, onChange }: OrderFiltersProps) {
  const t = useT()
  const change = (patch: OrderListFilter) => onChange({ ...filter, ...patch, page: 1 })
  return (
    <Flex vertical gap={0}>
      <Tabs
        activeKey={filter.status ?? ALL}
        onChange={(key) => change({ status: key === ALL ? undefined : (key as OrderListFilter['status']) })}
        items={[
          { key: ALL, label: t('common.all') },
          ...ORDER_STATUSES.map((status) => ({ key: status, label: t(`orderStatus.${status}`) })),
        ]}
        data-testid='order-status-tabs'
      />
      <Flex gap={12} wrap>
        <DatePicker.RangePicker
          aria-label={t('orders.dateRange')}
          value={[filter.from ? dayjs(filter.from) : null, filter.to ? dayjs(filter.to) : null]}
          onChange={(range) =>
            change({ from: range?.[0]?.format(DAY) ?? undefined, to: range?.[1]?.format(DAY) ?? undefined })
          }
          allowEmpty={[true, true]}
          data-testid='order-date-range'
        />
        <Input.Search
          key={filter.q ?? ''}
          defaultValue={filter.q}
          placeholder={t('orders.searchPlaceholder')}
          aria-label={t('orders.searchPlaceholder')}
          maxLength={SEARCH_TEXT_MAX}
          allowClear
          enterButton={t('common.search')}
          onSearch={(text) => change({ q: text.trim() || undefined })}
          style={{ width: 420 }}
          data-testid='order-search'
        />
      </Flex>
    </Flex>
  )
}
