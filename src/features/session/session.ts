import type { Session } from '@contract'
import { api, connectSession } from '../../shared/request'
import { getAuthCode } from './auth-code'
import { currentToken, useSessionStore } from './store'

let loggingIn: Promise<Session> | undefined

/** Logs in with the buyer's Alipay account. Concurrent callers share one login. */
export function login(): Promise<Session> {
  loggingIn ??= (async () => {
    try {
      const authCode = await getAuthCode()
      const session = await api.post<Session>('/api/session', { authCode })
      useSessionStore.getState().set(session)
      return session
    } finally {
      loggingIn = undefined
    }
  })()
  return loggingIn
}

/** Makes sure there is a usable session, logging in when there is none. */
export async function ensureSession(): Promise<void> {
  if (!currentToken()) await login()
}

export async function logout(): Promise<void> {
  const token = currentToken()
  useSessionStore.getState().clear()
  // Best effort: the token is already forgotten here; the server forgets it too if it can.
  if (token) {
    await api
      .request('/api/session', {
        method: 'DELETE',
        headers: { Authorization: `Bearer ${token}` },
        renewSession: false,
      })
      .catch(() => undefined)
  }
}

/** Lets the API client send the token and log in again, once, when the server answers 401. */
export function connectSessionToApi(): void {
  connectSession({
    token: currentToken,
    renew: async () => {
      useSessionStore.getState().clear()
      await login()
    },
  })
}
