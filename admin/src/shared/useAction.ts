import { App } from 'antd'
import { useCallback, useState } from 'react'
import { createExclusive } from './exclusive'
import { useT, type MessageKey } from '../i18n'
import { errorText, isConflict } from './errors'

/**
 * Runs one staff action: `running` while it is under way (for a button's spinner), then a
 * success message, or the error in words. Resolves whether it succeeded, for the caller to close a
 * modal and refresh what changed; `onConflict` runs after a refusal (409) instead, for the caller
 * to reload what it shows (the server's state moved on). A call while one is under way is refused (resolves false, sends
 * nothing): every caller is protected from double submits, whatever triggered them.
 */
export function useAction(): {
  running: boolean
  run: (send: () => Promise<unknown>, done: MessageKey, onConflict?: () => void) => Promise<boolean>
} {
  const t = useT()
  const { message } = App.useApp()
  const [running, setRunning] = useState(false)
  const [exclusive] = useState(createExclusive)
  const run = useCallback(
    async (send: () => Promise<unknown>, done: MessageKey, onConflict?: () => void) => {
      try {
        const outcome = await exclusive.run(async () => {
          setRunning(true)
          await send()
        })
        // Refused: the running action's own outcome is shown; this call shows nothing.
        if (!outcome.started) return false
        message.success(t(done))
        return true
      } catch (error) {
        message.error(errorText(t, error))
        if (isConflict(error)) onConflict?.()
        return false
      } finally {
        setRunning(exclusive.busy)
      }
    },
    [exclusive, message, t],
  )
  return { running, run }
}
