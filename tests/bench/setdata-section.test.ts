/**
 * `npm run bench` measures setData on a build it makes itself, never on whatever dist/alipay is on
 * disk (a development build, or one for another API address, which the harness cannot serve).
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { ROOT } from '../../scripts/bench/bundle'
import { setData, type SetDataSteps } from '../../scripts/bench/setdata-section'

test('builds the shop into a temp dir and points the harness at that build', async () => {
  const built: string[] = []
  const harnessDirs: (string | undefined)[] = []
  const steps: SetDataSteps = {
    build: async (appDir, outputDir) => {
      expect(appDir).toBe(ROOT)
      built.push(outputDir)
      return { outputDir, wallMs: 1 }
    },
    runForJson: async <T>(_what: string, _args: string[], options: { env?: NodeJS.ProcessEnv } = {}) => {
      harnessDirs.push(options.env?.MINI_DIST_DIR)
      return { rows: [{ name: 'cart: +1', bytes: 120, calls: 1, budget: 600, keys: [] }] } as T
    },
  }

  const section = await setData(() => undefined, steps)

  expect(built).toHaveLength(1)
  expect(path.relative(ROOT, built[0]).startsWith('..')).toBe(true)
  expect(harnessDirs).toEqual(built)
  expect(section.rows).toMatchObject([{ measure: 'setData: cart: +1', pass: true }])
  // The temp build is removed afterwards.
  expect(existsSync(path.dirname(built[0]))).toBe(false)
})
