/** Staff password hashing (no database): scrypt with its cost and salt stored, length limits. */
import { STAFF_PASSWORD_LENGTH } from '../../contract/limits'
import { hashPassword, passwordProblem, verifyAgainstDummy, verifyPassword } from '../staff/password'

const PASSWORD = 'correct horse battery'

describe('staff passwords', () => {
  let stored: string
  beforeAll(async () => {
    stored = await hashPassword(PASSWORD)
  })

  it('stores scrypt$N$r$p$salt$hash, salted anew each time', async () => {
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/)
    expect(await hashPassword(PASSWORD)).not.toBe(stored)
  })

  it('accepts the password and nothing else', async () => {
    expect(await verifyPassword(PASSWORD, stored)).toBe(true)
    expect(await verifyPassword(`${PASSWORD} `, stored)).toBe(false)
    expect(await verifyPassword('Correct horse battery', stored)).toBe(false)
  })

  it('compares the Unicode-normalised password (composed and decomposed é are one password)', async () => {
    const composed = await hashPassword('caf\u00e9 au lait!')
    expect(await verifyPassword('cafe\u0301 au lait!', composed)).toBe(true)
  })

  it('refuses malformed or tampered hashes rather than checking them', async () => {
    const [, , r, p, salt, key] = stored.split('$')
    for (const bad of [
      '',
      'plain-text-password',
      `bcrypt$32768$${r}$${p}$${salt}$${key}`,
      `scrypt$30000$${r}$${p}$${salt}$${key}`, // N not a power of two
      `scrypt$${2 ** 24}$${r}$${p}$${salt}$${key}`, // a cost that would exhaust memory
      `scrypt$32768$${r}$${p}$${salt}$`,
    ])
      expect(await verifyPassword(PASSWORD, bad)).toBe(false)
  })

  it('enforces the lengths of contract/limits.ts, counted in characters', async () => {
    const { min, max } = STAFF_PASSWORD_LENGTH
    expect(passwordProblem('x'.repeat(min - 1))).toMatch(/too short/)
    expect(passwordProblem('x'.repeat(min))).toBeUndefined()
    expect(passwordProblem('密'.repeat(min))).toBeUndefined()
    expect(passwordProblem('x'.repeat(max + 1))).toMatch(/too long/)
    await expect(hashPassword('short')).rejects.toThrow(/too short/)
  })

  it('checks unknown names against a dummy hash, which never matches', async () => {
    expect(await verifyAgainstDummy(PASSWORD)).toBe(false)
  })
})
