/**
 * The benchmark's setData section: builds the shop for Alipay into a temp dir, as the bundle
 * section does, and measures that build in the runtime harness (scripts/bench/setdata.ts). A
 * dist/alipay left on disk may be a development build or one made for another API address, which
 * the harness cannot serve, so it is never used.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { SetDataRow } from '../../tests/support/setdata-bench'
import { ROOT, buildAlipay } from './bundle'
import { runForJson, TSX_CLI } from './child-json'
import type { Progress, Section } from './sections'

/** What the section runs, replaceable to check what it runs. */
export interface SetDataSteps {
  build: typeof buildAlipay
  runForJson: typeof runForJson
}

export async function setData(
  progress: Progress,
  steps: SetDataSteps = { build: buildAlipay, runForJson },
): Promise<Section> {
  const temp = mkdtempSync(path.join(os.tmpdir(), 'shop-bench-setdata-'))
  try {
    progress('setData: build (alipay, production)…')
    const { outputDir } = await steps.build(ROOT, path.join(temp, 'alipay'))
    progress('setData: runtime harness…')
    const { rows } = await steps.runForJson<{ rows: SetDataRow[] }>(
      'setdata.ts',
      [TSX_CLI, path.join(ROOT, 'scripts', 'bench', 'setdata.ts')],
      // MINI_DIST_DIR points the harness at this build (tests/support/mini-runtime).
      { cwd: ROOT, env: { ...process.env, MINI_DIST_DIR: outputDir } },
    )
    return {
      rows: rows.map((row) => ({
        measure: `setData: ${row.name}`,
        value: `${row.bytes} B in ${row.calls} call${row.calls === 1 ? '' : 's'}`,
        reference: '',
        ratio: '',
        budget: typeof row.budget === 'number' ? `≤ ${row.budget} B` : String(row.budget),
        pass: typeof row.budget === 'number' ? row.bytes <= row.budget : undefined,
      })),
      data: rows,
      notes: [],
    }
  } finally {
    rmSync(temp, { recursive: true, force: true })
  }
}
