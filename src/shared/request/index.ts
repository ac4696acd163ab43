import { appConfig } from '../config'
import { t, useLocaleStore } from '../i18n'
import { createRequestClient } from './client'
import { RequestError } from './errors'

export { createRequestClient, buildUrl } from './client'
export type { RequestClient, RequestOptions, QueryValue } from './client'
export { RequestError, isRequestError } from './errors'
export type { RequestErrorKind, RequestErrorCode, ClientErrorCode } from './errors'

function apiBaseUrl(): string {
  if (appConfig.ok) return appConfig.apiBaseUrl
  const { problem } = appConfig
  throw new RequestError({
    kind: 'config',
    message: t(problem.key, 'value' in problem ? { value: problem.value } : {}),
  })
}

/** How the API client reaches the session feature (connected at start-up by features/session). */
export interface SessionHooks {
  /** The current session token, if any. */
  token: () => string | undefined
  /** Logs in again after a 401. */
  renew: () => Promise<void>
}
let session: SessionHooks | undefined

export function connectSession(hooks: SessionHooks): void {
  session = hooks
}

/** The app's one API client: every feature calls the backend through it. */
export const api = createRequestClient({
  baseUrl: apiBaseUrl,
  headers: () => {
    const token = session?.token()
    return {
      'Accept-Language': useLocaleStore.getState().locale,
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    }
  },
  renewSession: async () => {
    if (!session)
      throw new RequestError({ kind: 'client', status: 401, code: 'unauthorized', message: 'Not logged in' })
    await session.renew()
  },
})

/** A sentence for the buyer about what went wrong. */
export function describeError(error: unknown): string {
  if (!(error instanceof RequestError)) return t('error.server')
  switch (error.kind) {
    case 'network':
      return t('error.network')
    case 'timeout':
      return t('error.timeout')
    case 'client':
      return error.status === 404 ? t('error.notFound') : t('error.client', { message: error.message })
    case 'bad_response':
      return t('error.badResponse')
    case 'config':
      return t('error.config', { message: error.message })
    default:
      return t('error.server')
  }
}
