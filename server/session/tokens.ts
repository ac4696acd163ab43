/**
 * Opaque bearer tokens, shared by buyers' and staff sessions: 32 random bytes in base64url for the
 * client, and only their SHA-256 stored, so a leaked table does not leak usable sessions.
 */
import { createHash, randomBytes } from 'node:crypto'

export const newToken = (): string => randomBytes(32).toString('base64url')

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex')
