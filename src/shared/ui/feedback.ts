import Taro from '@tarojs/taro'
import { t, type MessageKey } from '../i18n'
import { describeError, isRequestError } from '../request'

/**
 * What to tell the buyer when an action failed. A refusal (4xx but 404) is said in the buyer's
 * language when the screen's texts have one for its code (`problem.<code>`), else with the
 * server's own explanation (e.g. why a request cannot be cancelled any more); anything else gets
 * the app's sentence for its kind of failure.
 */
export function problemText(error: unknown): string {
  if (isRequestError(error) && error.kind === 'client' && error.status !== 404) {
    const key = `problem.${error.code}` as MessageKey
    const localized = t(key)
    // translate() answers the key itself when no dictionary has it.
    if (localized !== key) return localized
    if (error.message) return error.message
  }
  return describeError(error)
}

/** Says why an action failed, in a dialog (a toast would cut a long explanation short). */
export async function showProblem(error: unknown): Promise<void> {
  await Taro.showModal({ title: t('action.failed'), content: problemText(error), showCancel: false })
}

/** Asks the buyer before an action that cannot be undone; true when they agreed. */
export async function confirmAction(title: string, content: string): Promise<boolean> {
  const { confirm } = await Taro.showModal({ title, content })
  return confirm
}
