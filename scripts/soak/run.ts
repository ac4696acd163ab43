/**
 * `npm run soak`: the real server (as the benchmark starts it: bench-server.ts, with the sweeper
 * main.ts runs) on a throwaway PostgreSQL database, over real HTTP, for SOAK_SECONDS under mixed
 * buyers, dropped notifies, malformed and slow clients; then, once in-flight work has settled,
 * checks every order and refund against the simulator's trades. Exits 1 when a must-be-zero
 * number (report.ts) is not zero. See scripts/soak/settings.ts for its settings.
 */
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import type net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import type { Db } from '../../server/db/types'
import { withoutPassword } from '../../server/testing/databases'
import { createTestStaff } from '../../server/tests/staff-helpers'
import { BENCH_ORDER, startBenchServer, type BenchServer } from '../bench/bench-server'
import { createBenchPostgres } from '../bench/postgres-database'
import { newMalformedTally, newSlowTally, runMalformed, startSlowClients } from './abusers'
import { checkAgreement } from './agreement'
import { newBuyerTally, runBuyer } from './buyers'
import { markdown, memoryNow, mustBeZero, type SoakResult } from './report'
import { readSoakSettings } from './settings'
import { SoakClient, soakPorts, Traffic } from './traffic'

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** What is still in flight: unpaid orders past expiry, refunds not final, closed orders' open trades. */
async function unsettled(db: Db): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `select (select count(*) from orders where status = 'awaiting_payment' and expires_at <= now())
          + (select count(*) from refunds where status = 'pending')
          + (select count(*) from payments p join orders o on o.id = p.order_id
              where o.status = 'closed' and p.trade_status = 'WAIT_BUYER_PAY') as n`,
  )
  return Number(row.n)
}

async function settle(db: Db, timeoutMs: number, sweepMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  // At least two sweeps (each followed by a reconcile pass) after the load stops.
  await pause(2 * sweepMs + 500)
  while ((await unsettled(db)) > 0 && Date.now() < deadline) await pause(sweepMs)
}

function errorLogLines(logFile: string, requestIds: string[]) {
  const lines = readFileSync(logFile, 'utf8').split('\n')
  const errors = lines.filter((line) => /"level":(50|60)/.test(line))
  const forRequest = new Map<string, string>()
  for (const id of requestIds) {
    const line = errors.find((candidate) => candidate.includes(`"reqId":"${id}"`))
    if (line) forRequest.set(id, line.slice(0, 600))
  }
  return { count: errors.length, forRequest }
}

/**
 * `hangUps` collects how to close the soak's sockets: app.close() waits for open connections, so
 * a soak that fails half-way must still hang up its slow sockets for the server to close.
 */
async function soak(
  server: BenchServer,
  database: string,
  logFile: string,
  hangUps: Array<() => void>,
): Promise<SoakResult> {
  const settings = readSoakSettings(process.env)
  const traffic = new Traffic()
  const port = new URL(server.baseUrl).port
  const started = Date.now()
  const stopAt = started + settings.seconds * 1000
  const running = () => Date.now() < stopAt
  const memoryAtStart = memoryNow()
  const serverSockets = new Set<net.Socket>()
  server.app.server.on('connection', (socket: net.Socket) => {
    serverSockets.add(socket)
    socket.once('close', () => serverSockets.delete(socket))
  })

  const merchantClient = new SoakClient(server.baseUrl, traffic, 'merchant')
  const staff = await createTestStaff(server.db)
  const staffSession = await merchantClient.send('POST', '/api/merchant/session', {
    body: { name: staff.name, password: staff.password },
  })
  const merchantToken = (staffSession?.json as { token?: string } | undefined)?.token
  if (!merchantToken) throw new Error(`staff login failed: ${staffSession?.status} ${staffSession?.text}`)

  // The malformed client's own buyer, and the orders the corpus names ({open}, {closed}, {foreign}).
  const setupClient = new SoakClient(server.baseUrl, traffic, 'setup')
  const loginAs = async (buyer: string) => {
    const code = await setupClient.send('POST', '/alipay-sim/auth-codes', { body: { buyer } })
    const { authCode } = code?.json as { authCode: string }
    const session = await setupClient.send('POST', '/api/session', { body: { authCode } })
    return { authorization: `Bearer ${(session?.json as { token: string }).token}` }
  }
  const placeOrder = async (auth: Record<string, string>, key: string) => {
    const answer = await setupClient.send('POST', '/api/orders', {
      headers: { ...auth, 'idempotency-key': key },
      body: BENCH_ORDER,
    })
    return (answer?.json as { id: string }).id
  }
  const malformedAuth = await loginAs('soak-malformed')
  const ids: Record<string, string> = { key: 'soak-corpus-key-0001' }
  ids.open = await placeOrder(malformedAuth, ids.key)
  ids.closed = await placeOrder(malformedAuth, 'soak-corpus-key-0002')
  await setupClient.send('POST', `/api/orders/${ids.closed}/cancel`, { headers: malformedAuth })
  ids.foreign = await placeOrder(await loginAs('soak-foreign'), 'soak-corpus-key-0003')
  setupClient.close()

  const buyerTally = newBuyerTally()
  const buyerClients = Array.from(
    { length: settings.buyers },
    (_, n) => new SoakClient(server.baseUrl, traffic, `buyer-${n}`),
  )
  const malformedTally = newMalformedTally()
  const malformedClient = new SoakClient(server.baseUrl, traffic, 'malformed')
  const slowTally = newSlowTally()
  const stopSlow = startSlowClients(Number(port), settings.slowSockets, settings.slowByteMs, slowTally)
  const simulatorClient = new SoakClient(server.baseUrl, traffic, 'simulator-control')
  const clients = [...buyerClients, malformedClient, simulatorClient, merchantClient]
  hangUps.push(stopSlow, ...clients.map((client) => () => client.close()))

  let notifyDropWindows = 0
  const dropNotifiesNowAndThen = async () => {
    while (running()) {
      await pause(Math.min(settings.dropEverySeconds * 1000, Math.max(0, stopAt - Date.now())))
      if (!running()) break
      await simulatorClient.send('POST', '/alipay-sim/control', { body: { notifies: 'drop' } })
      notifyDropWindows++
      await pause(settings.dropForSeconds * 1000)
      await simulatorClient.send('POST', '/alipay-sim/control', { body: { notifies: 'deliver' } })
    }
  }
  const progress = setInterval(() => {
    const elapsed = Math.round((Date.now() - started) / 1000)
    const memory = memoryNow()
    console.log(
      `soak ${elapsed}/${settings.seconds} s: ${traffic.served} answered (${JSON.stringify(traffic.byClass)}, 429 ${traffic.rateLimited}), ` +
        `orders ${buyerTally.ordersCreated}, paid ${buyerTally.paid}, refunds ${buyerTally.refundsAsked}, ` +
        `slow sockets closed ${slowTally.body.closedByServer + slowTally.headers.closedByServer}, RSS ${memory.rssMb} MB`,
    )
  }, 10_000)

  await Promise.all([
    ...buyerClients.map((client, n) =>
      runBuyer({ client, db: server.db, merchantToken, tally: buyerTally, running }, `soak-buyer-${n}`),
    ),
    runMalformed({
      client: malformedClient,
      traffic,
      port: Number(port),
      auth: malformedAuth,
      ids,
      tally: malformedTally,
      running,
    }),
    dropNotifiesNowAndThen(),
  ])
  clearInterval(progress)
  const durationSeconds = Math.round((Date.now() - started) / 1000)

  console.log('soak: load stopped; letting the sweeper and the reconciler settle what is in flight…')
  await simulatorClient.send('POST', '/alipay-sim/control', { body: { notifies: 'deliver' } })
  const settleStarted = Date.now()
  await settle(server.db, settings.settleSeconds * 1000, server.config.orderExpirySweepSeconds * 1000)
  const settleSeconds = Math.round((Date.now() - settleStarted) / 1000)
  const agreement = await checkAgreement(server.db, server.baseUrl)

  const connections = async () => {
    const total = await new Promise<number>((resolve, reject) =>
      server.app.server.getConnections((error, count) => (error ? reject(error) : resolve(count))),
    )
    const soaks = [...serverSockets].filter((socket) => soakPorts.has(socket.remotePort ?? -1)).length
    return { total, soaks }
  }
  for (const client of clients) client.close()
  await pause(1000)
  // Ours are gone but the slow sockets: what the server holds for them.
  const openConnectionsWithSlowSockets = await connections()
  stopSlow()
  await pause(2000)
  const openConnectionsAtEnd = await connections()
  const memoryAtEnd = memoryNow()
  const logs = errorLogLines(
    logFile,
    traffic.samples.flatMap((sample) => (sample.requestId ? [sample.requestId] : [])),
  )
  return {
    startedAt: new Date(started).toISOString(),
    durationSeconds,
    settleSeconds,
    database,
    settings: {
      seconds: settings.seconds,
      buyers: settings.buyers,
      slowSockets: settings.slowSockets,
      slowByteMs: settings.slowByteMs,
      dropEverySeconds: settings.dropEverySeconds,
      dropForSeconds: settings.dropForSeconds,
      sweepSeconds: settings.sweepSeconds,
    },
    requests: { served: traffic.served, byClass: traffic.byClass, rateLimited: traffic.rateLimited },
    serverErrors: traffic.serverErrors,
    noAnswer: traffic.noAnswer,
    problems: traffic.samples.map((sample) => ({
      ...sample,
      ...(sample.requestId && logs.forRequest.has(sample.requestId)
        ? { logLine: logs.forRequest.get(sample.requestId) }
        : {}),
    })),
    buyers: buyerTally,
    notifyDropWindows,
    malformed: malformedTally,
    slowSockets: slowTally,
    memory: { start: memoryAtStart, end: memoryAtEnd },
    openConnectionsWithSlowSockets,
    openConnectionsAtEnd,
    agreement,
    errorLogLines: logs.count,
    logFile,
  }
}

async function main(): Promise<number> {
  const settings = readSoakSettings(process.env)
  const adminUrl = settings.databaseUrl
  const postgres = await createBenchPostgres(adminUrl)
  if (!postgres) {
    console.error(
      `soak: no PostgreSQL at ${withoutPassword(adminUrl)}. Start one, or set DATABASE_URL (or TEST_DATABASE_URL) to a server where this user may create a database.`,
    )
    return 1
  }
  const logFile = path.join(os.tmpdir(), `soak-${process.pid}-${Date.now().toString(36)}.log`)
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shop-soak-'))
  let server: BenchServer | undefined
  const hangUps: Array<() => void> = []
  try {
    server = await startBenchServer({ dataDir, databaseUrl: postgres.url }, createWriteStream(logFile), {
      // A handful of buyers ask for hundreds of refunds: a buyer's after-sales budget would turn most
      // of them into 429s, and the refunds are what the agreement check is for.
      env: {
        ORDER_EXPIRY_SWEEP_SECONDS: String(settings.sweepSeconds),
        RATE_LIMIT_AFTER_SALES_PER_MINUTE: '1000000',
      },
      expirySweepMs: settings.sweepSeconds * 1000,
    })
    console.log(
      `soak: server at ${server.baseUrl} on ${withoutPassword(postgres.url)}, ${settings.seconds} s; server log: ${logFile}`,
    )
    const result = await soak(server, withoutPassword(postgres.url), logFile, hangUps)
    const zero = mustBeZero(result)
    const page = markdown(result)
    console.log(JSON.stringify(result, null, 2))
    console.log(page.split('<details>')[0])
    if (settings.writeDocs) {
      const target = path.join(__dirname, '../../docs/soak-latest.md')
      writeFileSync(target, page)
      console.log(`soak: wrote ${target}`)
    }
    return Object.values(zero).every((n) => n === 0) ? 0 : 1
  } finally {
    for (const hangUp of hangUps) hangUp()
    await server?.close()
    await postgres.drop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
