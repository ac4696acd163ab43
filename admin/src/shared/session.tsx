/**
 * Who is logged in. On start the console asks GET /session to restore a session from its cookie;
 * a 401 from any request afterwards ends it here and shows the login page, which sends the staff
 * member back to the page they wanted once logged in. A start that fails otherwise (server down,
 * network) is not a log out: the console says so and offers Retry.
 */
import type { ConsoleSession, StaffLoginRequest } from '@contract'
import { MERCHANT_API_PREFIX } from '@contract/limits'
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { ApiError, apiRequest, setCsrfToken, setUnauthorizedHandler } from './api'
import { asApiError } from './errors'
import { currentLocation, navigate } from './router'

const SESSION_PATH = `${MERCHANT_API_PREFIX}/console/session`
export const LOGIN_PATH = '/login'

export type SessionState =
  | { status: 'restoring' }
  | { status: 'unreachable'; error: ApiError }
  | { status: 'anonymous' }
  | { status: 'signed-in'; session: ConsoleSession }

interface SessionActions {
  state: SessionState
  /** Asks GET /session again after the start failed (unreachable). */
  restore: () => void
  logIn: (credentials: StaffLoginRequest) => Promise<void>
  logOut: () => Promise<void>
}

const SessionContext = createContext<SessionActions | undefined>(undefined)

/** The login page's address, remembering the page to come back to. */
function loginHref(): string {
  const wanted = currentLocation()
  if (wanted.startsWith(LOGIN_PATH)) return wanted
  return wanted === '/' ? LOGIN_PATH : `${LOGIN_PATH}?next=${encodeURIComponent(wanted)}`
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'restoring' })

  const signIn = useCallback((session: ConsoleSession) => {
    setCsrfToken(session.csrfToken)
    setState({ status: 'signed-in', session })
  }, [])

  const signOut = useCallback(() => {
    setCsrfToken(undefined)
    setState({ status: 'anonymous' })
    navigate(loginHref(), { replace: true })
  }, [])

  const restore = useCallback(() => {
    setState({ status: 'restoring' })
    apiRequest<ConsoleSession>('GET', SESSION_PATH, { expectUnauthorized: true }).then(signIn, (error) => {
      const apiError = asApiError(error)
      if (apiError.status === 401) signOut()
      else setState({ status: 'unreachable', error: apiError })
    })
  }, [signIn, signOut])

  useEffect(() => {
    setUnauthorizedHandler(signOut)
    restore()
    return () => setUnauthorizedHandler(undefined)
  }, [restore, signOut])

  const logIn = useCallback(
    async (credentials: StaffLoginRequest) => {
      const session = await apiRequest<ConsoleSession>('POST', SESSION_PATH, {
        body: credentials,
        expectUnauthorized: true,
      })
      signIn(session)
    },
    [signIn],
  )

  const logOut = useCallback(async () => {
    await apiRequest<void>('DELETE', SESSION_PATH, { expectUnauthorized: true }).catch(() => undefined)
    setCsrfToken(undefined)
    setState({ status: 'anonymous' })
    navigate(LOGIN_PATH, { replace: true })
  }, [])

  const value = useMemo(() => ({ state, restore, logIn, logOut }), [state, restore, logIn, logOut])
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}

export function useSession(): SessionActions {
  const actions = useContext(SessionContext)
  if (!actions) throw new Error('useSession() outside SessionProvider')
  return actions
}

/** The logged-in staff member; only for pages shown after login. */
export function useStaff(): ConsoleSession['staff'] {
  const { state } = useSession()
  if (state.status !== 'signed-in') throw new Error('useStaff() before login')
  return state.session.staff
}

export function useIsOwner(): boolean {
  return useStaff().role === 'owner'
}
