/** Building blocks every page uses: the page frame, amounts, times, and load states. */
import { Alert, Breadcrumb, Button, Empty, Flex, Typography } from 'antd'
import dayjs from 'dayjs'
import type { ReactNode } from 'react'
import { useT } from '../i18n'
import type { ApiError } from './api'
import { errorText } from './errors'
import { formatFen, type Fen } from './money'
import { Link } from './router'

interface PageProps {
  title: ReactNode
  /** The title in the breadcrumb, when `title` carries more (a status tag). */
  crumb?: string
  /** Parent pages, e.g. [{ title: 'Orders', to: '/orders' }]. */
  parents?: { title: string; to: string }[]
  extra?: ReactNode
  children: ReactNode
}

export function Page({ title, crumb, parents = [], extra, children }: PageProps) {
  return (
    <div className='console-page'>
      {parents.length > 0 && (
        <Breadcrumb
          items={[
            ...parents.map((parent) => ({ title: <Link to={parent.to}>{parent.title}</Link> })),
            { title: crumb ?? title },
          ]}
        />
      )}
      <Flex justify='space-between' align='center' className='console-page-header' gap={16}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra}
      </Flex>
      {children}
    </div>
  )
}

/** An amount in fen, right-aligned digits of equal width. */
export function Amount({ fen, strong }: { fen: Fen; strong?: boolean }) {
  return <span className={strong ? 'amount amount-strong' : 'amount'}>{formatFen(fen)}</span>
}

export function formatTime(iso: string | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—'
}

export function Time({ iso }: { iso: string | undefined }) {
  return <span className='tabular'>{formatTime(iso)}</span>
}

/** A failed load: what went wrong and a Retry button. */
export function LoadError({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const t = useT()
  return (
    <Alert
      type='error'
      showIcon
      title={t('common.loadFailed')}
      description={errorText(t, error)}
      action={
        <Button size='small' onClick={onRetry} data-testid='retry'>
          {t('common.retry')}
        </Button>
      }
      style={{ marginBottom: 16 }}
    />
  )
}

/** An empty table or list, with a sentence that says what to do. */
export function EmptyState({ description }: { description: string }) {
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description} />
}

/** A data-testid for props objects (a Modal's okButtonProps) whose types do not list data-* attributes. */
export const testId = (id: string): Record<string, string> => ({ 'data-testid': id })
