import { Button, Form, Input } from 'antd'
import { useT, type MessageKey } from '../../i18n'
import type { AuditFilter } from './api'

type AuditFilterFields = Pick<AuditFilter, 'staff' | 'action' | 'targetType' | 'targetId'>

const FIELDS: { name: keyof AuditFilterFields; label: MessageKey; width: number }[] = [
  { name: 'staff', label: 'audit.filterStaff', width: 160 },
  { name: 'action', label: 'audit.filterAction', width: 240 },
  { name: 'targetType', label: 'audit.filterTargetType', width: 140 },
  { name: 'targetId', label: 'audit.filterTargetId', width: 200 },
]

/** Who, which action (or "order." for a family), which target. Empty fields filter nothing. */
export function AuditFilters({ onSearch }: { onSearch: (filter: AuditFilterFields) => void }) {
  const t = useT()
  const [form] = Form.useForm<AuditFilterFields>()
  const submit = (values: AuditFilterFields) => {
    const trimmed = Object.fromEntries(
      Object.entries(values).map(([key, value]) => [
        key,
        typeof value === 'string' && value.trim() ? value.trim() : undefined,
      ]),
    )
    onSearch(trimmed)
  }
  return (
    <Form form={form} layout='inline' onFinish={submit} style={{ marginBottom: 16, rowGap: 12 }}>
      {FIELDS.map((field) => (
        <Form.Item key={field.name} name={field.name}>
          <Input
            placeholder={t(field.label)}
            aria-label={t(field.label)}
            allowClear
            style={{ width: field.width }}
            data-testid={`audit-filter-${field.name}`}
          />
        </Form.Item>
      ))}
      <Form.Item>
        <Button type='primary' htmlType='submit' data-testid='audit-search'>
          {t('common.search')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.resetFields()
            onSearch({})
          }}
        >
          {t('common.reset')}
        </Button>
      </Form.Item>
    </Form>
  )
}
