/**
 * The Node version package.json declares (`engines.node`), checked before `npm start` and `npm test`
 * do anything, so an old Node fails with what to install instead of a syntax error deep in a tool.
 * Dependency-free: it runs before anything else, even without node_modules.
 */
import { existsSync, readFileSync } from 'node:fs'

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))

/** `engines.node` is one lower bound, `>=MAJOR.MINOR[.PATCH]`: the only form this check reads. */
export function minimumNode(range = packageJson.engines.node) {
  const match = /^>=\s*(\d+)\.(\d+)(?:\.(\d+))?$/.exec(range.trim())
  if (!match) throw new Error(`package.json engines.node must be ">=MAJOR.MINOR[.PATCH]", not "${range}"`)
  return match.slice(1, 4).map((part) => Number(part ?? 0))
}

export function isSupportedNode(version, minimum = minimumNode()) {
  const parts = version.replace(/^v/, '').split('.').map(Number)
  for (let index = 0; index < 3; index += 1) {
    if (parts[index] !== minimum[index]) return parts[index] > minimum[index]
  }
  return true
}

/** Exits with a message saying what to install when this Node is older than the declared one. */
export function requireSupportedNode(command) {
  if (isSupportedNode(process.versions.node)) return
  const range = packageJson.engines.node
  process.stderr.write(
    `✖ ${command} needs Node ${range} (package.json "engines"); this is Node ${process.versions.node}.\n` +
      `  Install a current Node LTS (https://nodejs.org, or \`nvm install --lts\`), then run \`npm ci\` again.\n`,
  )
  process.exit(1)
}

/** Exits with the install command when node_modules is missing (a fresh clone). */
export function requireInstalledDependencies(command) {
  if (existsSync(new URL('../node_modules/.package-lock.json', import.meta.url))) return
  process.stderr.write(`✖ ${command} needs the dependencies: run \`npm ci\` (or \`npm install\`) first.\n`)
  process.exit(1)
}
