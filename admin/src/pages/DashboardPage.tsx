import { DASHBOARD_DAYS } from '@contract/limits'
import { Card, Skeleton, Typography } from 'antd'
import { DaysChart } from '../features/dashboard/DaysChart'
import { StatCards } from '../features/dashboard/StatCards'
import { fetchDashboard } from '../features/dashboard/api'
import { useT } from '../i18n'
import { LoadError, Page } from '../shared/ui'
import { useRequest } from '../shared/useRequest'

export function DashboardPage() {
  const t = useT()
  const { data, error, loading, reload } = useRequest('dashboard', fetchDashboard)
  return (
    <Page title={t('menu.dashboard')}>
      {error && <LoadError error={error} onRetry={reload} />}
      {!data && loading && <Skeleton active paragraph={{ rows: 8 }} />}
      {data && (
        <>
          <StatCards dashboard={data} />
          <Card
            title={t('dashboard.chartTitle', { days: DASHBOARD_DAYS })}
            extra={
              <Typography.Text type='secondary'>
                {t('dashboard.timeZone', { zone: data.timeZone })}
              </Typography.Text>
            }
            loading={loading}
          >
            <DaysChart days={data.days} />
          </Card>
        </>
      )}
    </Page>
  )
}
