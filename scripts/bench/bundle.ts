/**
 * Builds a Taro app for Alipay in production mode into a directory of our choosing (TARO_OUTPUT_ROOT,
 * read by config/index.ts and bench/blank-app/config/index.ts) and measures what it ships.
 * Used by `npm run bench` and by tests/build/bundle-budget.test.ts, so both judge the same bytes.
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

export const ROOT = path.resolve(__dirname, '..', '..')
/** Taro 4.2.0's default React template (one page), kept in the repository as the reference. */
export const BLANK_APP_DIR = path.join(ROOT, 'bench', 'blank-app')
const TARO_BIN = path.join(path.dirname(require.resolve('@tarojs/cli/package.json')), 'bin', 'taro')

/** The main package (what the phone downloads before the first screen) at most 1.25× the blank app. */
export const MAIN_PACKAGE_RATIO_BUDGET = 1.25
/** The whole app, main package and every subpackage, at most 2.5× the blank app. */
export const TOTAL_RATIO_BUDGET = 2.5
/** Alipay and WeChat refuse to upload a package (the main one or a subpackage) over 2 MB. */
export const PACKAGE_LIMIT_BYTES = 2 * 1024 * 1024

export interface BuildResult {
  outputDir: string
  wallMs: number
}

/**
 * `taro build --type alipay` with NODE_ENV=production, run in `appDir`, writing to `outputDir`.
 * Rejects with the build's own output when it fails.
 */
export function buildAlipay(appDir: string, outputDir: string): Promise<BuildResult> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TARO_BIN, 'build', '--type', 'alipay'], {
      cwd: appDir,
      env: { ...process.env, NODE_ENV: 'production', TARO_OUTPUT_ROOT: outputDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const keep = (chunk: Buffer) => {
      // Progress bars repaint constantly; the tail is what explains a failure.
      output = (output + chunk.toString()).slice(-20_000)
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    child.on('error', reject)
    child.on('close', (code) => {
      const wallMs = performance.now() - started
      if (code === 0 && existsSync(path.join(outputDir, 'app.json'))) resolve({ outputDir, wallMs })
      else reject(new Error(`taro build in ${appDir} failed (exit ${code}):\n${output}`))
    })
  })
}

export interface BundleSize {
  /** Every file in the output directory, as uploaded. */
  totalBytes: number
  /** Everything outside the subpackage roots declared in app.json. */
  mainPackageBytes: number
  /** Each subpackage declared in app.json, in its order there. */
  subpackages: Array<{ root: string; bytes: number }>
  files: number
  /** The largest files, for a reader wondering where the bytes went. */
  largest: Array<{ file: string; bytes: number }>
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name)
    return statSync(file).isDirectory() ? filesUnder(file) : [file]
  })
}

/** Subpackage roots from app.json (`subPackages` or `subpackages`, as Alipay and WeChat spell it). */
function subpackageRoots(outputDir: string): string[] {
  const app = JSON.parse(readFileSync(path.join(outputDir, 'app.json'), 'utf8')) as {
    subPackages?: Array<{ root: string }>
    subpackages?: Array<{ root: string }>
  }
  return [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((sub) =>
    sub.root.replace(/^\/+|\/+$/g, ''),
  )
}

export function measureBundle(outputDir: string): BundleSize {
  const roots = subpackageRoots(outputDir)
  const sized = filesUnder(outputDir).map((file) => ({
    file: path.relative(outputDir, file).split(path.sep).join('/'),
    bytes: statSync(file).size,
  }))
  const sum = (files: typeof sized) => files.reduce((total, { bytes }) => total + bytes, 0)
  const under = (root: string) => sized.filter(({ file }) => file.startsWith(`${root}/`))
  return {
    totalBytes: sum(sized),
    mainPackageBytes: sum(sized.filter(({ file }) => !roots.some((root) => file.startsWith(`${root}/`)))),
    subpackages: roots.map((root) => ({ root, bytes: sum(under(root)) })),
    files: sized.length,
    largest: [...sized].sort((a, b) => b.bytes - a.bytes).slice(0, 5),
  }
}

export interface BudgetCheck {
  /** What is measured: "main package", "whole app" or "subpackage <its root>". */
  what: string
  bytes: number
  /** The budget in bytes, and how it was reached. */
  limitBytes: number
  limit: string
  /** The size as a ratio of the blank app (the budgets that are ratios). */
  ratio?: number
  pass: boolean
}

/** The bundle budgets, judged on a shop build and a blank app built in the same run. */
export function budgetChecks(shop: BundleSize, blank: BundleSize): BudgetCheck[] {
  const ratioCheck = (what: string, bytes: number, budget: number): BudgetCheck => ({
    what,
    bytes,
    limitBytes: blank.totalBytes * budget,
    limit: `${budget}× the blank app`,
    ratio: bytes / blank.totalBytes,
    pass: bytes <= blank.totalBytes * budget,
  })
  const packageCheck = (what: string, bytes: number): BudgetCheck => ({
    what,
    bytes,
    limitBytes: PACKAGE_LIMIT_BYTES,
    limit: `the ${PACKAGE_LIMIT_BYTES / 1024 / 1024} MB package limit`,
    pass: bytes <= PACKAGE_LIMIT_BYTES,
  })
  return [
    ratioCheck('main package', shop.mainPackageBytes, MAIN_PACKAGE_RATIO_BUDGET),
    ratioCheck('whole app', shop.totalBytes, TOTAL_RATIO_BUDGET),
    packageCheck('main package', shop.mainPackageBytes),
    ...shop.subpackages.map((sub) => packageCheck(`subpackage ${sub.root}`, sub.bytes)),
  ]
}
