/**
 * The simulator's state, in memory behind a small interface so another store (or trades, for the
 * payment issue) can be added without touching the gateway or the method handlers.
 */
export interface AuthCodeGrant {
  code: string
  appId: string
  buyerKey: string
  expiresAt: number // epoch ms
}

export interface SimulatorStore {
  saveAuthCode(grant: AuthCodeGrant): void
  /** Removes and returns the grant: an auth code can be exchanged once, whatever the outcome. */
  takeAuthCode(code: string): AuthCodeGrant | undefined
  /** Drops grants that expired before `now`; called on every issue so memory stays bounded. */
  purgeExpired(now: number): void
}

export function createMemoryStore(): SimulatorStore {
  const authCodes = new Map<string, AuthCodeGrant>()
  return {
    saveAuthCode: (grant) => void authCodes.set(grant.code, grant),
    takeAuthCode(code) {
      const grant = authCodes.get(code)
      authCodes.delete(code)
      return grant
    },
    purgeExpired(now) {
      for (const [code, grant] of authCodes) if (grant.expiresAt <= now) authCodes.delete(code)
    },
  }
}
