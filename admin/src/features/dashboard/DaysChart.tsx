/**
 * Paid orders (bars, left axis) and revenue (line, right axis) per day, drawn as SVG: a chart
 * library would weigh more than the whole console for one chart.
 */
import type { DashboardDay } from '@contract'
import { Flex, Space, Typography } from 'antd'
import { useT } from '../../i18n'
import { FEN_PER_YUAN, formatFen } from '../../shared/money'
import { niceAxis } from './scale'

const WIDTH = 760
const HEIGHT = 280
const PAD = { top: 16, right: 84, bottom: 32, left: 44 }
const TICKS = 4
const ORDERS_COLOR = '#69b1ff'
const REVENUE_COLOR = '#fa8c16'

export function DaysChart({ days }: { days: DashboardDay[] }) {
  const t = useT()
  const plotWidth = WIDTH - PAD.left - PAD.right
  const plotHeight = HEIGHT - PAD.top - PAD.bottom
  const orders = niceAxis(Math.max(...days.map((day) => day.paidOrders), 0), TICKS)
  const revenue = niceAxis(Math.max(...days.map((day) => day.revenue), 0), TICKS, FEN_PER_YUAN)
  const slot = plotWidth / Math.max(days.length, 1)
  const barWidth = Math.min(36, slot * 0.5)
  const xCenter = (index: number) => PAD.left + slot * index + slot / 2
  const yOrders = (value: number) => PAD.top + plotHeight - (value / orders.top) * plotHeight
  const yRevenue = (value: number) => PAD.top + plotHeight - (value / revenue.top) * plotHeight
  const ticks = Array.from({ length: TICKS + 1 }, (_, index) => index)
  const linePoints = days.map((day, index) => `${xCenter(index)},${yRevenue(day.revenue)}`).join(' ')

  return (
    <Flex vertical gap={8}>
      <Space size='large' aria-hidden>
        <LegendItem color={ORDERS_COLOR} label={t('dashboard.chartOrders')} shape='bar' />
        <LegendItem color={REVENUE_COLOR} label={t('dashboard.chartRevenue')} shape='line' />
      </Space>
      <svg
        className='console-chart'
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width='100%'
        role='img'
        aria-label={`${t('dashboard.chartOrders')} / ${t('dashboard.chartRevenue')}`}
        data-testid='dashboard-chart'
      >
        {ticks.map((tick) => {
          const y = yOrders(tick * orders.step)
          return (
            <g key={tick}>
              <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y} y2={y} stroke='#f0f0f0' />
              <text x={PAD.left - 8} y={y + 4} textAnchor='end'>
                {tick * orders.step}
              </text>
              <text x={WIDTH - PAD.right + 8} y={y + 4} textAnchor='start'>
                {formatFen(tick * revenue.step)}
              </text>
            </g>
          )
        })}
        {days.map((day, index) => (
          <g key={day.date}>
            <rect
              x={xCenter(index) - barWidth / 2}
              y={yOrders(day.paidOrders)}
              width={barWidth}
              height={PAD.top + plotHeight - yOrders(day.paidOrders)}
              fill={ORDERS_COLOR}
              rx={3}
            >
              <title>{`${day.date}: ${day.paidOrders} · ${formatFen(day.revenue)}`}</title>
            </rect>
            <text x={xCenter(index)} y={HEIGHT - 10} textAnchor='middle'>
              {day.date.slice(5)}
            </text>
          </g>
        ))}
        <polyline points={linePoints} fill='none' stroke={REVENUE_COLOR} strokeWidth={2.5} />
        {days.map((day, index) => (
          <circle
            key={day.date}
            cx={xCenter(index)}
            cy={yRevenue(day.revenue)}
            r={4}
            fill='#fff'
            stroke={REVENUE_COLOR}
            strokeWidth={2}
          >
            <title>{`${day.date}: ${formatFen(day.revenue)}`}</title>
          </circle>
        ))}
      </svg>
    </Flex>
  )
}

function LegendItem({ color, label, shape }: { color: string; label: string; shape: 'bar' | 'line' }) {
  return (
    <Space size={6}>
      <svg width={18} height={12} aria-hidden>
        {shape === 'bar' ? (
          <rect x={3} y={0} width={12} height={12} rx={2} fill={color} />
        ) : (
          <line x1={0} x2={18} y1={6} y2={6} stroke={color} strokeWidth={2.5} />
        )}
      </svg>
      <Typography.Text type='secondary'>{label}</Typography.Text>
    </Space>
  )
}
