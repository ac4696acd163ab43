#!/usr/bin/env node
/**
 * `npm test`: the whole suite, in the order that fails fastest —
 * typecheck, lint, production builds for alipay / weapp / h5, then jest (unit, server,
 * integration, and checks of the build output).
 */
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const bin = (pkg, file) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file)
const taro = bin('@tarojs/cli', 'bin/taro')

const steps = [
  ['typecheck', [bin('typescript', 'bin/tsc'), '-p', '.']],
  [
    'lint (eslint)',
    [bin('eslint', 'bin/eslint.js'), '.', '--ext', '.ts,.tsx,.js,.mjs', '--max-warnings', '0'],
  ],
  ['lint (prettier)', [bin('prettier', 'bin/prettier.cjs'), '--check', '.', '--log-level', 'warn']],
  ['build alipay', [taro, 'build', '--type', 'alipay'], { NODE_ENV: 'production' }],
  ['build weapp', [taro, 'build', '--type', 'weapp'], { NODE_ENV: 'production' }],
  ['build h5', [taro, 'build', '--type', 'h5'], { NODE_ENV: 'production' }],
  ['jest', [bin('jest', 'bin/jest.js'), '--ci'], { CHECK_BUILDS: '1' }],
]

const started = Date.now()
for (const [index, [name, args, env]] of steps.entries()) {
  const stepStarted = Date.now()
  console.log(`\n▶ [${index + 1}/${steps.length}] ${name}`)
  const quiet = name.startsWith('build')
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  const took = ((Date.now() - stepStarted) / 1000).toFixed(1)
  if (result.status !== 0) {
    if (quiet) process.stdout.write(`${result.stdout}\n${result.stderr}`)
    console.error(
      `\n✖ ${name} failed after ${took} s. Run it alone to iterate: node ${path.relative(root, args[0])} ${args.slice(1).join(' ')}`,
    )
    process.exit(result.status ?? 1)
  }
  console.log(`✔ ${name} (${took} s)`)
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`)
