import { Typography } from 'antd'
import { useT } from '../../i18n'
import { formatFen } from '../../shared/money'
import { changedFields } from './auditDiff'

/** Fields that hold fen in the audit log's before/after, shown as money. */
const MONEY_KEYS = new Set(['price', 'amount', 'total', 'refundAmount'])

function show(key: string, value: unknown): string {
  if (value === undefined) return '∅'
  if (MONEY_KEYS.has(key) && Number.isSafeInteger(value)) return formatFen(value as number)
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** before → after, only the keys that changed, one per line. */
export function AuditChange({ before, after }: { before: unknown; after: unknown }) {
  const t = useT()
  const changes = changedFields(before, after)
  if (changes.length === 0) return <Typography.Text type='secondary'>{t('audit.noChange')}</Typography.Text>
  return (
    <div style={{ display: 'grid', gap: 2 }}>
      {changes.map((change) => (
        <div key={change.key} style={{ fontSize: 13 }}>
          {change.key && <Typography.Text type='secondary'>{change.key}: </Typography.Text>}
          {change.before !== undefined && (
            <>
              <Typography.Text delete type='danger' className='tabular'>
                {show(change.key, change.before)}
              </Typography.Text>
              {' → '}
            </>
          )}
          <Typography.Text type='success' className='tabular'>
            {show(change.key, change.after)}
          </Typography.Text>
        </div>
      ))}
    </div>
  )
}
