#!/usr/bin/env node
/**
 * `npm start`: the reference server, the H5 dev server and the merchant console's watch build
 * (admin/, which the server serves at /admin/) together, then their URLs.
 * PORT (server, default 3000) and H5_PORT (default 10086) can be changed; the H5 app is pointed
 * at the server that was started here. The server listens on 127.0.0.1 unless HOST says otherwise
 * (HOST=0.0.0.0 with PUBLIC_URL=http://<LAN address>:3000 opens it to a phone on the LAN).
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { requireInstalledDependencies, requireSupportedNode } from './check-node.mjs'

requireSupportedNode('npm start')
requireInstalledDependencies('npm start')

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const serverPort = Number(process.env.PORT ?? 3000)
const h5Port = Number(process.env.H5_PORT ?? 10086)
// Where the server answers on this machine (as server/http/public-urls.ts ownOrigin decides).
const serverHost = process.env.HOST?.trim() || '127.0.0.1'
const loopback = ['0.0.0.0', '::', 'localhost'].includes(serverHost) ? '127.0.0.1' : serverHost
const serverUrl = `http://${loopback.includes(':') ? `[${loopback}]` : loopback}:${serverPort}`
const apiUrl = process.env.TARO_APP_API_BASE_URL || process.env.PUBLIC_URL || serverUrl
const shopUrl = `http://localhost:${h5Port}/`
// contract/console.ts CONSOLE_BASE_PATH; the server reads the build at each request.
const consoleUrl = `${serverUrl}/admin/`
const adminDir = path.join(root, 'admin')
const consoleBuildable = fs.existsSync(path.join(adminDir, 'index.html'))
const started = Date.now()
const children = []

const say = (line) => process.stdout.write(`${line}\n`)
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`

function run(name, args, env, onLine, cwd = root) {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = ''
    stream.on('data', (chunk) => {
      buffered += chunk
      const lines = buffered.split('\n')
      buffered = lines.pop()
      lines.forEach(onLine)
    })
  }
  child.on('exit', (code, signal) => {
    if (stopping) return
    say(`\n✖ ${name} stopped (${signal ?? `exit code ${code}`}). Scroll up for its error.`)
    stop(1)
  })
  return child
}

/** The server logs JSON (for production log collectors); here one short line per request is enough. */
const pendingRequests = new Map()
/** Marks this script's own readiness polls, so they are not logged (one every 300 ms until ready). */
const PROBE_QUERY = 'start-probe'
const probes = new Set()
function serverLine(line) {
  let entry
  try {
    entry = JSON.parse(line)
  } catch {
    if (line.trim()) say(`[server] ${line}`)
    return
  }
  if (entry.req) {
    if (entry.req.url.endsWith(`?${PROBE_QUERY}`)) probes.add(entry.reqId)
    else pendingRequests.set(entry.reqId, `${entry.req.method} ${entry.req.url}`)
    return
  }
  const level = entry.level >= 50 ? 'ERROR ' : entry.level >= 40 ? 'WARN ' : ''
  if (entry.res) {
    if (probes.delete(entry.reqId)) return
    const request = pendingRequests.get(entry.reqId) ?? ''
    pendingRequests.delete(entry.reqId)
    say(`[server] ${level}${request} → ${entry.res.statusCode} (${Math.round(entry.responseTime ?? 0)} ms)`)
    return
  }
  say(`[server] ${level}${entry.msg ?? ''}`)
}

/** Taro's output is a progress bar meant for a terminal of its own: keep results and errors. */
function h5Line(line) {
  // eslint-disable-next-line no-control-regex
  const text = line.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').trim()
  if (/^webpack .*compiled|ERROR|Error:|Module not found/.test(text)) say(`[h5] ${text}`)
}

/** Vite lists every file it writes, on every rebuild: keep the result and errors. */
function consoleLine(line) {
  // eslint-disable-next-line no-control-regex
  const text = line.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').trim()
  if (/built in|error|Error/.test(text)) say(`[console] ${text}`)
}

async function waitFor(url, what, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}?${PROBE_QUERY}`)
      if (response.ok) return
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  throw new Error(`${what} did not answer at ${url} within ${timeoutMs / 1000} s`)
}

function banner() {
  say('')
  say('  ┌─────────────────────────────────────────────────────────────')
  say(`  │ Shop (H5):        ${shopUrl}`)
  say(`  │ API server:       ${serverUrl}   (docs: ${serverUrl}/docs)`)
  if (apiUrl !== serverUrl) say(`  │ The app calls:    ${apiUrl}`)
  say(
    consoleBuildable
      ? `  │ Console:          ${consoleUrl}   (first stop this and run: npm run staff -- add <name> --role owner)`
      : '  │ Console:          not built (admin/index.html is missing)',
  )
  // The simulator is mounted unless another Alipay gateway (the sandbox, production) is configured.
  if (!process.env.ALIPAY_GATEWAY)
    say(`  │ Alipay (simulated): ${serverUrl}/alipay-sim/bill   (trades and refunds)`)
  say(`  │ Ready in ${seconds()}. Ctrl-C stops everything.`)
  say('  │ Mini-programs: npm run dev:alipay, then open this folder in the Alipay IDE.')
  say('  └─────────────────────────────────────────────────────────────')
  say('')
}

let stopping = false
function stop(code = 0) {
  if (stopping) return
  stopping = true
  for (const child of children) child.kill('SIGTERM')
  setTimeout(() => process.exit(code), 500).unref()
}
process.on('SIGINT', () => stop(0))
process.on('SIGTERM', () => stop(0))

say(`Starting the reference server on port ${serverPort}…`)
run(
  'The reference server',
  [require.resolve('tsx/cli'), 'server/main.ts'],
  { PORT: String(serverPort) },
  serverLine,
)
try {
  await waitFor(`${serverUrl}/healthz`, 'The reference server', 60_000)
} catch (error) {
  say(`✖ ${error.message}. Is port ${serverPort} taken? Try PORT=3100 npm start.`)
  stop(1)
  await new Promise(() => undefined) // exiting
}
say(
  `✔ Server ready (${seconds()}). Compiling the H5 app and the console (the first build takes a little while)…`,
)
run(
  'The H5 dev server',
  [require.resolve('@tarojs/cli/bin/taro'), 'build', '--type', 'h5', '--watch'],
  { NODE_ENV: 'development', TARO_APP_API_BASE_URL: apiUrl, H5_PORT: String(h5Port) },
  h5Line,
)
if (consoleBuildable) {
  const vite = createRequire(path.join(adminDir, 'package.json')).resolve('vite/package.json')
  run(
    'The console build',
    [path.join(path.dirname(vite), 'bin/vite.js'), 'build', '--watch'],
    {},
    consoleLine,
    adminDir,
  )
} else {
  say('⚠ admin/index.html is missing: the console is not built, and /admin/ answers 503.')
}
const progress = setInterval(() => say(`  … still compiling (${seconds()})`), 10_000)
try {
  await Promise.all([
    waitFor(shopUrl, 'The H5 dev server', 300_000).catch((error) => {
      throw new Error(`${error.message}. Is port ${h5Port} taken? Try H5_PORT=10100 npm start.`)
    }),
    // 503 until the first build is written.
    consoleBuildable && waitFor(consoleUrl, 'The console', 300_000),
  ])
  banner()
} catch (error) {
  say(`✖ ${error.message}`)
  stop(1)
} finally {
  clearInterval(progress)
}
