/**
 * What users' CI needs from the lock file: `npm ci` refuses a lock that does not record every
 * optional platform package its dependencies list (it did, for @tarojs/binding 4.2.0's unpublished
 * bindings), and warns EBADENGINE for a locked package that does not run on the Node we declare.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import semver from 'semver'

const ROOT = path.resolve(__dirname, '..', '..')
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'))
const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'))

interface LockedPackage {
  version?: string
  engines?: { node?: string }
  optionalDependencies?: Record<string, string>
}
const packages = Object.entries(lock.packages as Record<string, LockedPackage>).filter(([key]) => key !== '')

/** Where Node would find `name` from the package installed at `from`: its own node_modules, then each parent's. */
function resolveInLock(from: string, name: string): string | undefined {
  let base = from
  for (;;) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${name}`
    if (lock.packages[candidate]) return candidate
    if (!base) return undefined
    const parent = base.lastIndexOf('/node_modules/')
    base = parent === -1 ? '' : base.slice(0, parent)
  }
}

describe('package-lock.json', () => {
  it('records every optional dependency, so `npm ci` accepts it on every platform', () => {
    const missing = packages.flatMap(([key, pkg]) =>
      Object.keys(pkg.optionalDependencies ?? {})
        .filter((name) => !resolveInLock(key, name))
        .map((name) => `${key} → ${name}`),
    )
    expect(missing).toEqual([])
  })

  it(`holds only packages that run on the lowest Node we declare (${manifest.engines.node}) and on this one`, () => {
    const lowest = semver.minVersion(manifest.engines.node)!.version
    const refusing = packages
      .filter(([, pkg]) => pkg.engines?.node)
      .filter(([, pkg]) => {
        const range = pkg.engines!.node!
        return !semver.satisfies(lowest, range) || !semver.satisfies(process.versions.node, range)
      })
      .map(([key, pkg]) => `${key}@${pkg.version} needs node ${pkg.engines!.node}`)
    expect(refusing).toEqual([])
  })
})
