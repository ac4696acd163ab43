/** `npm start` and `npm test` refuse a Node older than package.json's engines, saying what to install. */
import { spawnSync } from 'node:child_process'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '..', '..')

/** Runs scripts/check-node.mjs in a child Node that reports `version` as its own. */
function checkAs(version: string) {
  const script = `
    Object.defineProperty(process.versions, 'node', { value: ${JSON.stringify(version)} })
    const { requireSupportedNode } = await import('./scripts/check-node.mjs')
    requireSupportedNode('npm test')
    console.log('supported')`
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' })
}

describe('the Node version check', () => {
  it.each(['20.19.0', '20.20.2', '22.0.0', '24.3.1'])('lets Node %s through', (version) => {
    const result = checkAs(version)
    expect(result.stdout.trim()).toBe('supported')
    expect(result.status).toBe(0)
  })

  it.each(['18.20.4', '20.18.3', '20.9.0'])('stops Node %s with what to install', (version) => {
    const result = checkAs(version)
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(
      `npm test needs Node >=20.19 (package.json "engines"); this is Node ${version}`,
    )
    expect(result.stderr).toContain('Install a current Node LTS')
  })
})
