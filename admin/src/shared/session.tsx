/**
 * Who is logged in. On start the console asks GET /session to restore a session from its cookie;
 * a 401 from any request afterwards ends it here and shows the login page, which sends the staff
 * member back to the page they wanted once logged in.
 */
import type { ConsoleSession, StaffLoginRequest } from '@contract'
import { MERCHANT_API_PREFIX } from '@contract/limits'
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { apiRequest, setCsrfToken, setUnauthorizedHandler } from './api'
import { currentLocation, navigate } from './router'

const SESSION_PATH = `${MERCHANT_API_PREFIX}/console/session`
export const LOGIN_PATH = '/login'

export type SessionState =
  { status: 'restoring' } | { status: 'anonymous' } | { status: 'signed-in'; session: ConsoleSession }

interface SessionActions {
  state: SessionState
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

  useEffect(() => {
    setUnauthorizedHandler(signOut)
    apiRequest<ConsoleSession>('GET', SESSION_PATH, { expectUnauthorized: true }).then(signIn, signOut)
    return () => setUnauthorizedHandler(undefined)
  }, [signIn, signOut])

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

  const value = useMemo(() => ({ state, logIn, logOut }), [state, logIn, logOut])
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
