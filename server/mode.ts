/**
 * The server's mode, read once from NODE_ENV and nowhere else. Read case-insensitively, and an
 * unknown value is refused rather than treated as "not production": `NODE_ENV=Production` once
 * started the payment simulator on a public address.
 * (The client build's NODE_ENV is Taro's business, not this.)
 */
import { read, type Env } from './config'

/** `test` is what jest sets; it behaves like development. Unset means development. */
export const MODES = ['development', 'production', 'test'] as const
export type Mode = (typeof MODES)[number]

export function readMode(env: Env): Mode {
  const raw = read(env, 'NODE_ENV')
  if (raw === undefined) return 'development'
  const mode = raw.toLowerCase()
  if ((MODES as readonly string[]).includes(mode)) return mode as Mode
  throw new Error(
    `NODE_ENV must be one of ${MODES.join(', ')} (got "${raw}"). Set NODE_ENV=production for a live shop ` +
      '(real Alipay keys, PUBLIC_URL), or unset it for development (the Alipay simulator, loopback only).',
  )
}

export const isProduction = (env: Env): boolean => readMode(env) === 'production'
