/** Which page to show: the login page before a session, the console's pages after. */
import { Button, Result, Spin } from 'antd'
import { useEffect } from 'react'
import { useT } from '../i18n'
import { AfterSalesPage } from '../pages/AfterSalesPage'
import { AuditLogPage } from '../pages/AuditLogPage'
import { CatalogPage } from '../pages/CatalogPage'
import { DashboardPage } from '../pages/DashboardPage'
import { LoginPage } from '../pages/LoginPage'
import { OrderPage } from '../pages/OrderPage'
import { OrdersPage } from '../pages/OrdersPage'
import { StaffPage } from '../pages/StaffPage'
import { Link, useLocation } from '../shared/router'
import { useSession } from '../shared/session'
import { LoadError } from '../shared/ui'
import { ConsoleLayout } from './ConsoleLayout'
import { matchRoute, OWNER_ONLY_SECTIONS, sectionOf, type Route } from './routes'

export function App() {
  const t = useT()
  const { state, restore } = useSession()
  const { path } = useLocation()
  const route = matchRoute(path)

  useEffect(() => {
    document.title = t('app.title')
  }, [t])

  if (state.status === 'restoring') {
    return (
      <div className='console-login'>
        <Spin size='large' tip={t('app.loading')}>
          <div style={{ width: 200, height: 80 }} />
        </Spin>
      </div>
    )
  }
  if (state.status === 'unreachable') {
    return (
      <div className='console-login'>
        <div style={{ width: 420 }} data-testid='session-unreachable'>
          <LoadError error={state.error} onRetry={restore} />
        </div>
      </div>
    )
  }
  if (state.status === 'anonymous' || route.name === 'login') return <LoginPage />

  const section = sectionOf(route)
  const allowed = !section || !OWNER_ONLY_SECTIONS.includes(section) || state.session.staff.role === 'owner'
  return (
    <ConsoleLayout section={section}>{allowed ? <RoutePage route={route} /> : <NotFound />}</ConsoleLayout>
  )
}

function RoutePage({ route }: { route: Route }) {
  switch (route.name) {
    case 'dashboard':
      return <DashboardPage />
    case 'orders':
      return <OrdersPage />
    case 'order':
      return <OrderPage orderId={route.id} />
    case 'afterSales':
      return <AfterSalesPage requestId={route.id} />
    case 'catalog':
      return <CatalogPage />
    case 'staff':
      return <StaffPage />
    case 'audit':
      return <AuditLogPage />
    default:
      return <NotFound />
  }
}

function NotFound() {
  const t = useT()
  return (
    <Result
      status='404'
      title='404'
      subTitle={t('common.notFound')}
      extra={
        <Link to='/'>
          <Button type='primary'>{t('common.backHome')}</Button>
        </Link>
      }
    />
  )
}
