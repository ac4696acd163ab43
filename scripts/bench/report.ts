/** The benchmark's markdown table, its machine description, and number formatting. */
import { readFileSync } from 'node:fs'
import os from 'node:os'

export interface Machine {
  cpuModel: string
  cores: number
  ramGiB: number
  node: string
  platform: string
  /** 1-minute load average when the run started: other work on the machine skews every time. */
  loadAverage: number
}

export function describeMachine(): Machine {
  let cpuModel = os.cpus()[0]?.model ?? 'unknown'
  try {
    cpuModel = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpuModel
  } catch {
    // Not Linux: os.cpus() said what it could.
  }
  return {
    cpuModel,
    cores: os.cpus().length,
    ramGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: Math.round(os.loadavg()[0] * 10) / 10,
  }
}

export const machineLine = (m: Machine) =>
  `${m.cores} cores (${m.cpuModel}), ${m.ramGiB} GiB RAM, Node ${m.node}, ${m.platform}; load average ${m.loadAverage} at the start`

export interface Row {
  measure: string
  value: string
  reference: string
  ratio: string
  budget: string
  /** true: within budget, false: over it, undefined: printed only. */
  pass?: boolean
}

export const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
export const ms = (value: number) => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`
export const times = (ratio: number) => `${ratio.toFixed(2)}×`
export const perSecond = (value: number) => `${value < 10 ? value.toFixed(1) : Math.round(value)}/s`

const verdict = (pass?: boolean) => (pass === undefined ? '—' : pass ? '✅' : '❌ over budget')
const cell = (text: string) => text.replace(/\|/g, '\\|')

export function markdownTable(rows: Row[]): string {
  const lines = [
    '| Measure | This app | Reference (same run) | Ratio | Budget | |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (row) =>
        `| ${[row.measure, row.value, row.reference, row.ratio, row.budget, verdict(row.pass)].map(cell).join(' | ')} |`,
    ),
  ]
  return lines.join('\n')
}
