import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { useT } from '../../../shared/i18n'
import { describeError } from '../../../shared/request'
import { ActionButton } from '../../../shared/ui'
import { login, logout } from '../session'
import { useSessionStore } from '../store'
import './session.scss'

/** Who is logged in, with log in / log out. */
export function SessionCard() {
  const t = useT()
  const session = useSessionStore((state) => state.session)
  const [busy, setBusy] = useState(false)

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true)
    try {
      await action()
    } catch (error) {
      void Taro.showToast({ title: t('me.loginFailed', { message: describeError(error) }), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  if (!session) {
    return (
      <View className='session-card'>
        <Text className='session-card__text'>{t('me.notLoggedIn')}</Text>
        <ActionButton kind='primary' disabled={busy} onClick={() => run(login)}>
          {t('me.login')}
        </ActionButton>
      </View>
    )
  }
  return (
    <View className='session-card'>
      <Text className='session-card__text'>{t('me.loggedInAs', { id: session.buyer.alipayIdMasked })}</Text>
      <ActionButton disabled={busy} onClick={() => run(logout)}>
        {t('me.logout')}
      </ActionButton>
    </View>
  )
}
