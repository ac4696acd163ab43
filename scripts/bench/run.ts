/**
 * `npm run bench`: bundle size and build time against a blank Taro app, setData bytes, server
 * throughput against direct database calls, and payment confirmation — each figure next to its
 * reference measured in the same run. Prints a markdown table and writes
 * artifacts/bench/latest.json. About 5 minutes on 2 cores.
 *
 * Ratio budgets are enforced in CI by tests/build/bundle-budget.test.ts; absolute times are only
 * printed (they depend on the machine).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { ROOT } from './bundle'
import { describeMachine, machineLine, markdownTable, seconds, type Row } from './report'
import { bundleAndBuildTime, paymentConfirmation, serverLoad, type Section } from './sections'
import { setData } from './setdata-section'

const OUTPUT = path.join(ROOT, 'artifacts', 'bench', 'latest.json')
const started = performance.now()
const elapsed = () => `[${seconds(performance.now() - started).padStart(7)}]`
const progress = (line: string) => console.log(`${elapsed()} ${line}`)

const sections: Array<[string, (p: typeof progress) => Promise<Section>]> = [
  ['Bundle size and build time', bundleAndBuildTime],
  ['setData', setData],
  ['Server load', serverLoad],
  ['Payment confirmation', paymentConfirmation],
]

async function main(): Promise<void> {
  const machine = describeMachine()
  progress(`machine: ${machineLine(machine)}`)
  const rows: Row[] = []
  const notes: string[] = []
  const data: Record<string, unknown> = {}
  const failures: string[] = []
  for (const [index, [title, run]] of sections.entries()) {
    progress(`▶ [${index + 1}/${sections.length}] ${title}`)
    try {
      const section = await run(progress)
      rows.push(...section.rows)
      notes.push(...section.notes)
      data[title] = section.data
    } catch (error) {
      // One broken section should not hide the others' figures.
      failures.push(`${title}: ${error instanceof Error ? error.message : String(error)}`)
      progress(
        `✖ ${title} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      )
    }
  }
  const table = markdownTable(rows)
  const overBudget = rows.filter((row) => row.pass === false).map((row) => row.measure)
  const ranOn = `Measured ${new Date().toISOString().slice(0, 10)} on ${machineLine(machine)}, in ${seconds(performance.now() - started)}.`
  console.log(`\n${table}\n\n${ranOn}\n${notes.map((note) => `- ${note}`).join('\n')}\n`)
  if (overBudget.length) console.log(`Over budget: ${overBudget.join('; ')}`)

  mkdirSync(path.dirname(OUTPUT), { recursive: true })
  writeFileSync(
    OUTPUT,
    `${JSON.stringify({ date: new Date().toISOString(), machine, rows, notes, table, overBudget, failures, data }, null, 2)}\n`,
  )
  console.log(`Written: ${path.relative(ROOT, OUTPUT)}`)
  if (failures.length) {
    console.error(`\n${failures.length} section(s) failed:\n${failures.join('\n')}`)
    process.exit(1)
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
