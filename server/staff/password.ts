/**
 * Staff passwords, hashed with scrypt (memory-hard, in node:crypto). The stored form carries its
 * own cost and salt, `scrypt$N$r$p$salt$hash` (salt and hash in base64url), so the cost can rise
 * later without breaking existing hashes. Checks compare in constant time.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { STAFF_PASSWORD_LENGTH } from '../../contract/limits'

/** 2^15 × 8 × 128 bytes = 32 MiB of memory per hash; about 0.1 s on a small server. */
const COST = { N: 2 ** 15, r: 8, p: 1 }
/** Bounds a stored hash must respect before it is checked: a tampered row cannot make us burn CPU or RAM. */
const COST_MAX = { N: 2 ** 20, r: 16, p: 4 }
const SALT_BYTES = 16
const KEY_BYTES = 32

function deriveKey(password: string, salt: Buffer, cost: typeof COST, keyBytes: number): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r }
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyBytes, options, (error, key) =>
      error ? reject(error) : resolve(key),
    )
  })
}

/** Why this password cannot be set, or undefined when it can (lengths from contract/limits.ts). */
export function passwordProblem(password: string): string | undefined {
  const length = [...password].length
  const { min, max } = STAFF_PASSWORD_LENGTH
  if (length < min) return `The password is too short: use at least ${min} characters.`
  if (length > max) return `The password is too long: use at most ${max} characters.`
  return undefined
}

export async function hashPassword(password: string): Promise<string> {
  const problem = passwordProblem(password)
  if (problem) throw new Error(problem)
  const salt = randomBytes(SALT_BYTES)
  const key = await deriveKey(password, salt, COST, KEY_BYTES)
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

interface ParsedHash {
  cost: typeof COST
  salt: Buffer
  key: Buffer
}

function parseHash(stored: string): ParsedHash | undefined {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined
  const [N, r, p] = parts.slice(1, 4).map(Number)
  const isPowerOfTwo = Number.isInteger(Math.log2(N))
  if (!isPowerOfTwo || N < 2 || N > COST_MAX.N) return undefined
  if (!Number.isInteger(r) || r < 1 || r > COST_MAX.r) return undefined
  if (!Number.isInteger(p) || p < 1 || p > COST_MAX.p) return undefined
  const salt = Buffer.from(parts[4], 'base64url')
  const key = Buffer.from(parts[5], 'base64url')
  if (salt.length === 0 || key.length < 16 || key.length > 64) return undefined
  return { cost: { N, r, p }, salt, key }
}

/** True when `password` matches the stored hash; false for a wrong password or a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored)
  if (!parsed) return false
  const key = await deriveKey(password, parsed.salt, parsed.cost, parsed.key.length)
  return timingSafeEqual(key, parsed.key)
}

let dummyHash: Promise<string> | undefined

/**
 * Burns the same time as checking a real password, for logins with an unknown name: the answer
 * time does not tell which names exist.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(24).toString('base64url'))
  await verifyPassword(password, await dummyHash)
  return false
}
