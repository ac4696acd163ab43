import { ShopOutlined } from '@ant-design/icons'
import { Card, Flex, Typography } from 'antd'
import { useEffect } from 'react'
import { shopConfig } from '../../../src/shop.config'
import { LoginForm } from '../features/auth/LoginForm'
import { useLocale, useT } from '../i18n'
import { LanguageSwitch } from '../shared/LanguageSwitch'
import { navigate, useLocation } from '../shared/router'
import { useSession } from '../shared/session'

/** Only paths inside the console: `next` comes from the address bar. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/'
}

export function LoginPage() {
  const t = useT()
  const { locale } = useLocale()
  const { state } = useSession()
  const { query } = useLocation()
  const next = safeNext(query.get('next'))
  const goOn = () => navigate(next, { replace: true })

  useEffect(() => {
    if (state.status === 'signed-in') navigate(next, { replace: true })
  }, [state.status, next])

  return (
    <div className='console-login'>
      <Card
        style={{ width: 400, boxShadow: '0 8px 24px rgba(31, 35, 41, 0.08)' }}
        styles={{ body: { padding: 32 } }}
      >
        <Flex vertical align='center' gap={4} style={{ marginBottom: 24 }}>
          <ShopOutlined style={{ fontSize: 36, color: '#1677ff' }} />
          <Typography.Title level={3} style={{ margin: '8px 0 0', textAlign: 'center' }}>
            {/* A long title wraps between the shop's name and the console's, never inside either. */}
            <span className='nowrap'>{shopConfig.name[locale]} ·</span>{' '}
            <span className='nowrap'>{t('login.title')}</span>
          </Typography.Title>
          <Typography.Text type='secondary'>{t('login.subtitle')}</Typography.Text>
        </Flex>
        <LoginForm onLoggedIn={goOn} />
        <Flex justify='space-between' align='center' style={{ marginTop: 24 }}>
          <Typography.Text type='secondary' style={{ fontSize: 12 }}>
            {t('login.hint')}
            {/* The command wraps as a whole, never inside. */}
            <span className='nowrap'>{t('login.hintCommand')}</span>
          </Typography.Text>
        </Flex>
        <Flex justify='center' style={{ marginTop: 16 }}>
          <LanguageSwitch />
        </Flex>
      </Card>
    </div>
  )
}
