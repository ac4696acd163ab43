import type { Session } from '@contract'
import { create } from 'zustand'
import { persisted } from '../../shared/storage'

export const SESSION_STORAGE_KEY = 'shop.session'

interface SessionState {
  session?: Session
  set: (session: Session) => void
  clear: () => void
}

const isSession = (value: unknown): value is Session => {
  const session = value as Session | undefined
  return (
    typeof session?.token === 'string' &&
    typeof session.expiresAt === 'string' &&
    typeof session.buyer?.id === 'string' &&
    typeof session.buyer.alipayIdMasked === 'string'
  )
}

/** The buyer's session, kept across restarts; anything unreadable means "logged out". */
export const useSessionStore = create<SessionState>()(
  persisted(
    (set) => ({
      session: undefined,
      set: (session) => set({ session }),
      clear: () => set({ session: undefined }),
    }),
    {
      name: SESSION_STORAGE_KEY,
      version: 1,
      partialize: (state) => ({ session: state.session }),
      // Another version's session, or anything unreadable, means "logged out".
      restore: (stored, version) => {
        const session = (stored as Partial<SessionState> | undefined)?.session
        return version === 1 && isSession(session) ? { session } : {}
      },
    },
  ),
)

/** A token worth sending: present and not past its expiry. */
export function currentToken(now = Date.now()): string | undefined {
  const { session } = useSessionStore.getState()
  return session && Date.parse(session.expiresAt) > now ? session.token : undefined
}
