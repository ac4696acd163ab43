import { useLaunch } from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { startCartBadgeSync } from './features/cart'
import { connectSessionToApi } from './features/session'
import { appConfig } from './shared/config'
import { t } from './shared/i18n'
import './app.scss'

// Before any page asks for data: requests carry the session, and a 401 logs in again once.
connectSessionToApi()

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (!appConfig.ok) {
      // Every screen also shows this through its error state; the console tells the developer first.
      const { problem } = appConfig
      console.error(t(problem.key, 'value' in problem ? { value: problem.value } : {}))
    } else if (appConfig.warning) {
      console.warn(t(appConfig.warning.key, { value: appConfig.warning.value }))
    }
    startCartBadgeSync()
  })
  // `children` is the page being rendered.
  return children
}

export default App
