/** The frame of every page after login: the shop and its menu on the left, who is logged in on top. */
import {
  AuditOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  LogoutOutlined,
  ProfileOutlined,
  ShopOutlined,
  ShoppingOutlined,
  TeamOutlined,
} from '@ant-design/icons'
import { Button, Flex, Layout, Menu, Popconfirm, Space, Tag, Typography, type MenuProps } from 'antd'
import type { ReactNode } from 'react'
import { shopConfig } from '../../../src/shop.config'
import { useLocale, useT, type MessageKey } from '../i18n'
import { LanguageSwitch } from '../shared/LanguageSwitch'
import { currentLocation, Link, navigate } from '../shared/router'
import { useSession, useStaff } from '../shared/session'
import { OWNER_ONLY_SECTIONS, SECTION_PATHS, type Section } from './routes'

const MENU: { section: Section; label: MessageKey; icon: ReactNode }[] = [
  { section: 'dashboard', label: 'menu.dashboard', icon: <DashboardOutlined /> },
  { section: 'orders', label: 'menu.orders', icon: <ProfileOutlined /> },
  { section: 'afterSales', label: 'menu.afterSales', icon: <CustomerServiceOutlined /> },
  { section: 'catalog', label: 'menu.catalog', icon: <ShoppingOutlined /> },
  { section: 'staff', label: 'menu.staff', icon: <TeamOutlined /> },
  { section: 'audit', label: 'menu.audit', icon: <AuditOutlined /> },
]

export function ConsoleLayout({ section, children }: { section?: Section; children: ReactNode }) {
  const t = useT()
  const { locale } = useLocale()
  const { logOut } = useSession()
  const staff = useStaff()
  const items = MENU.filter(
    (item) => staff.role === 'owner' || !OWNER_ONLY_SECTIONS.includes(item.section),
  ).map((item) => ({
    key: item.section,
    icon: item.icon,
    label: (
      <Link to={SECTION_PATHS[item.section]} data-testid={`menu-${item.section}`}>
        {t(item.label)}
      </Link>
    ),
  }))

  // The whole item navigates, not only its label's link: the collapsed menu (below 992px) shows only
  // icons, and Enter on a focused item reaches here. A click the link already handled, or a
  // modified click (new tab), is left alone.
  const openSection: MenuProps['onClick'] = ({ key, domEvent }) => {
    const modified = domEvent.metaKey || domEvent.ctrlKey || domEvent.shiftKey || domEvent.altKey
    const path = SECTION_PATHS[key as Section]
    // Enter on the focused link reaches the link and then the item: one history entry, not two.
    if (domEvent.defaultPrevented || modified || currentLocation() === path) return
    navigate(path)
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={220} theme='dark' breakpoint='lg' collapsedWidth={64}>
        <div className='console-logo'>
          <ShopOutlined style={{ fontSize: 22 }} />
          <span className='console-logo-name'>{shopConfig.name[locale]}</span>
        </div>
        <Menu
          theme='dark'
          mode='inline'
          selectedKeys={section ? [section] : []}
          items={items}
          onClick={openSection}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className='console-header'>
          <Flex justify='space-between' align='center' style={{ height: '100%' }}>
            <Typography.Text type='secondary' className='console-header-title'>
              {t('app.title')}
            </Typography.Text>
            {/* Right-aligned also when a phone hides the title. */}
            <Space size='middle' style={{ marginLeft: 'auto' }}>
              <LanguageSwitch />
              <Space size={6}>
                <Typography.Text strong data-testid='staff-name' className='nowrap'>
                  {staff.name}
                </Typography.Text>
                <Tag color={staff.role === 'owner' ? 'gold' : 'blue'}>{t(`role.${staff.role}`)}</Tag>
              </Space>
              <Popconfirm
                title={t('header.logoutConfirm')}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                onConfirm={logOut}
                placement='bottomRight'
              >
                <Button
                  icon={<LogoutOutlined />}
                  data-testid='logout'
                  className='console-logout'
                  title={t('header.logout')}
                >
                  {t('header.logout')}
                </Button>
              </Popconfirm>
            </Space>
          </Flex>
        </Layout.Header>
        <Layout.Content className='console-content'>{children}</Layout.Content>
      </Layout>
    </Layout>
  )
}
