import { Button, Form, Input } from 'antd'
import { useT } from '../../i18n'
import type { AuditFilter } from './api'

type AuditFilterFields = Pick<AuditFilter, 'staff' | 'action' | 'targetType' | 'targetId'>

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
      <Form.Item name='staff'>
        <Input
          placeholder={t('audit.filterStaff')}
          aria-label={t('audit.filterStaff')}
          allowClear
          style={{ width: 160 }}
        />
      </Form.Item>
      <Form.Item name='action'>
        <Input
          placeholder={t('audit.filterAction')}
          aria-label={t('audit.filterAction')}
          allowClear
          style={{ width: 240 }}
        />
      </Form.Item>
      <Form.Item name='targetType'>
        <Input
          placeholder={t('audit.filterTargetType')}
          aria-label={t('audit.filterTargetType')}
          allowClear
          style={{ width: 140 }}
        />
      </Form.Item>
      <Form.Item name='targetId'>
        <Input
          placeholder={t('audit.filterTargetId')}
          aria-label={t('audit.filterTargetId')}
          allowClear
          style={{ width: 200 }}
        />
      </Form.Item>
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
