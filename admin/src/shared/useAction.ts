import { App } from 'antd'
import { useCallback, useState } from 'react'
import { useT, type MessageKey } from '../i18n'
import { errorText } from './errors'

/**
 * Runs one staff action: `running` while it is under way (for a button's spinner), then a
 * success message, or the error in words. Resolves whether it succeeded, for the caller to close a
 * modal and refresh what changed.
 */
export function useAction(): {
  running: boolean
  run: (send: () => Promise<unknown>, done: MessageKey) => Promise<boolean>
} {
  const t = useT()
  const { message } = App.useApp()
  const [running, setRunning] = useState(false)
  const run = useCallback(
    async (send: () => Promise<unknown>, done: MessageKey) => {
      setRunning(true)
      try {
        await send()
        message.success(t(done))
        return true
      } catch (error) {
        message.error(errorText(t, error))
        return false
      } finally {
        setRunning(false)
      }
    },
    [message, t],
  )
  return { running, run }
}
