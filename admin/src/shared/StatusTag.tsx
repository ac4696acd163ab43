/** Status tags, one colour per status, the same on every page. */
import type { AfterSalesStatus, ConsoleRefund, OrderStatus } from '@contract'
import { Tag } from 'antd'
import { useT } from '../i18n'

const ORDER_COLORS: Record<OrderStatus, string> = {
  awaiting_payment: 'gold',
  paid: 'blue',
  shipped: 'cyan',
  received: 'geekblue',
  completed: 'green',
  closed: 'default',
}

const AFTER_SALES_COLORS: Record<AfterSalesStatus, string> = {
  requested: 'orange',
  awaiting_return: 'gold',
  returning: 'cyan',
  refunding: 'processing',
  refunded: 'green',
  rejected: 'red',
  cancelled: 'default',
}

const REFUND_COLORS: Record<ConsoleRefund['status'], string> = {
  pending: 'processing',
  refunded: 'green',
  failed: 'red',
}

export function OrderStatusTag({ status }: { status: OrderStatus }) {
  const t = useT()
  return <Tag color={ORDER_COLORS[status]}>{t(`orderStatus.${status}`)}</Tag>
}

export function AfterSalesStatusTag({ status }: { status: AfterSalesStatus }) {
  const t = useT()
  return <Tag color={AFTER_SALES_COLORS[status]}>{t(`afterSalesStatus.${status}`)}</Tag>
}

export function RefundStatusTag({ status }: { status: ConsoleRefund['status'] }) {
  const t = useT()
  return <Tag color={REFUND_COLORS[status]}>{t(`refundStatus.${status}`)}</Tag>
}

export const ORDER_STATUSES = Object.keys(ORDER_COLORS) as OrderStatus[]
export const AFTER_SALES_STATUSES = Object.keys(AFTER_SALES_COLORS) as AfterSalesStatus[]
