#!/usr/bin/env node
/**
 * `npm test`: the whole suite, in the order that fails fastest —
 * typecheck (the shop and server, then the console in admin/), lint, production builds for
 * alipay / weapp / h5 and the console, then jest (the unit, server and integration suites two at
 * a time, then the browser suites, the checks of the build output and the bench one at a time),
 * then the Alipay flow suites again in certificate mode (scripts/cert-mode-suites.mjs lists them).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { requireInstalledDependencies, requireSupportedNode } from './check-node.mjs'

requireSupportedNode('npm test')
requireInstalledDependencies('npm test')

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const bin = (pkg, file) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file)
const taro = bin('@tarojs/cli', 'bin/taro')
/** A step's command, and how to type it to run the step alone. */
const node = (file, ...args) => ({
  command: process.execPath,
  args: [file, ...args],
  shown: ['node', path.relative(root, file), ...args].join(' '),
})
/** A package.json script, through the npm running this file (or the one on PATH). */
const npmRun = (script) => {
  const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm']
  return { command: npm[0], args: [...npm.slice(1), 'run', '--silent', script], shown: `npm run ${script}` }
}

const tsc = bin('typescript', 'bin/tsc')
const jest = bin('jest', 'bin/jest.js')
// The console (admin/) has a tsconfig of its own once its app exists.
const consoleTypecheck = fs.existsSync(path.join(root, 'admin/tsconfig.json'))
  ? [['typecheck (console)', node(tsc, '-p', 'admin')]]
  : []

const steps = [
  ['typecheck', node(tsc, '-p', '.')],
  ...consoleTypecheck,
  // package.json's `lint:*` scripts, so `npm run lint` checks exactly what this does.
  ['lint (eslint)', npmRun('lint:eslint')],
  ['lint (prettier)', npmRun('lint:prettier')],
  ['build alipay', node(taro, 'build', '--type', 'alipay'), { NODE_ENV: 'production' }],
  ['build weapp', node(taro, 'build', '--type', 'weapp'), { NODE_ENV: 'production' }],
  ['build h5', node(taro, 'build', '--type', 'h5'), { NODE_ENV: 'production' }],
  ['build admin', npmRun('build:admin'), { NODE_ENV: 'production' }],
  // Two workers for the unit, server and integration suites: they wait on PostgreSQL and timers as
  // much as they compute, so two at a time take about 40% less time even on 2 cores. The browser,
  // bundle and bench suites (tests/build, tests/bench) measure time and drive Chromium: one at a time.
  [
    'jest',
    node(
      jest,
      '--ci',
      '--maxWorkers=2',
      '--testPathIgnorePatterns',
      '/node_modules/',
      '/tests/(build|bench)/',
    ),
    { CHECK_BUILDS: '1' },
  ],
  [
    'jest (browser, build output, bench)',
    node(jest, '--ci', '--runInBand', 'tests/build/', 'tests/bench/'),
    { CHECK_BUILDS: '1' },
  ],
  ['jest (certificate mode)', node(path.join(root, 'scripts/cert-mode-suites.mjs'))],
]

const started = Date.now()
for (const [index, [name, { command, args, shown }, env]] of steps.entries()) {
  const stepStarted = Date.now()
  console.log(`\n▶ [${index + 1}/${steps.length}] ${name}`)
  const quiet = name.startsWith('build')
  const result = spawnSync(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  const took = ((Date.now() - stepStarted) / 1000).toFixed(1)
  if (result.status !== 0) {
    if (quiet) process.stdout.write(`${result.stdout}\n${result.stderr}`)
    console.error(`\n✖ ${name} failed after ${took} s. Run it alone to iterate: ${shown}`)
    process.exit(result.status ?? 1)
  }
  console.log(`✔ ${name} (${took} s)`)
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`)
