/**
 * `npm run lint` and `npm test` run the same `lint:eslint` script; this holds that script to every
 * kind of script file the repository has, so a new `.cjs` or `.mjs` is not silently skipped.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '..', '..')
const SCRIPT_EXTENSIONS = /\.(ts|tsx|js|jsx|mjs|cjs|mts|cts)$/

it('lint:eslint covers every script file type tracked in git', () => {
  const scripts = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts
  const linted = /--ext\s+(\S+)/.exec(scripts['lint:eslint'])?.[1].split(',') ?? []
  const tracked = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n')
  const present = new Set(tracked.map((file) => SCRIPT_EXTENSIONS.exec(file)?.[0]).filter(Boolean))
  expect([...present].filter((extension) => !linted.includes(extension as string))).toEqual([])
  expect(scripts.lint).toContain('npm run lint:eslint')
  expect(readFileSync(path.join(ROOT, 'scripts', 'test.mjs'), 'utf8')).toContain("npmRun('lint:eslint')")
})
