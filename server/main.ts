/**
 * Entry point: `npx tsx server/main.ts`. Reads config, opens and migrates the database, seeds the
 * catalog, listens, and shuts down cleanly on SIGINT/SIGTERM.
 */
import { devKeysDir } from './alipay-simulator/dev-keys'
import { setUpAlipay, type AlipaySetup } from './alipay/setup'
import { buildApp } from './app'
import { loadSeedData, seedCatalog } from './catalog/seed'
import { loadConfig } from './config'
import { migrate, openDatabase, pgliteDir } from './db'
import { PgliteInUseError } from './db/pglite-lock'
import { loosenedWarning, openDataDir } from './db/data-dir'
import { openNetworkWarnings, ownOrigin } from './http/public-urls'

function fail(message: string): never {
  console.error(`\nReference server failed to start: ${message}\n`)
  process.exit(1)
}

async function main(): Promise<void> {
  let config
  try {
    config = loadConfig()
  } catch (error) {
    fail((error as Error).message)
  }

  // Checked before the database is touched: a broken seed file names the entry to fix.
  let seed
  try {
    seed = loadSeedData()
  } catch (error) {
    fail((error as Error).message)
  }

  // DATA_DIR (the PGlite database, the development keys) is private to this user, whatever the umask.
  let loosened: string[] = []
  if (!config.databaseUrl || !config.alipay.credentials) {
    try {
      loosened = openDataDir(config.dataDir, [pgliteDir(config.dataDir), devKeysDir(config.dataDir)])
    } catch (error) {
      fail(
        `cannot use DATA_DIR=${config.dataDir} (${(error as Error).message}). Set DATA_DIR to a writable directory.`,
      )
    }
  }

  // Before the database: a bad key or an unwritable DATA_DIR/keys is named here. Payment settings
  // are read and checked once, with the rest of the config (loadConfig).
  let alipay: AlipaySetup
  try {
    alipay = setUpAlipay(config.alipay, config)
  } catch (error) {
    fail(`Alipay: ${(error as Error).message}`)
  }

  let db
  try {
    db = await openDatabase(config)
  } catch (error) {
    if (error instanceof PgliteInUseError) fail(error.message)
    fail(
      config.databaseUrl
        ? `cannot connect to DATABASE_URL (${(error as Error).message}). Check the URL, or unset DATABASE_URL to use the embedded PGlite database.`
        : `cannot open PGlite in ${pgliteDir(config.dataDir)} (${(error as Error).message}). Set DATA_DIR to a writable directory.`,
    )
  }

  const applied = await migrate(db)
  await seedCatalog(db, seed)
  const app = await buildApp({
    db,
    config,
    logger: true,
    alipay,
    // Closes unpaid orders past their expiry (their stock returns) and deletes old idempotency keys.
    expirySweepMs: config.orderExpirySweepSeconds * 1000,
    // Delivers what changes wrote to the outbox (Alipay's order center), retrying while Alipay fails.
    runOutbox: true,
  })
  if (loosened.length) app.log.warn({ count: loosened.length }, loosenedWarning(config.dataDir, loosened))
  if (applied.length) app.log.info({ migrations: applied }, 'applied database migrations')
  app.log.info(alipay.description)
  for (const warning of openNetworkWarnings(config, Boolean(alipay.simulator))) app.log.warn(warning)
  // alipay-sdk stamps requests with local time, which Alipay reads as China time (UTC+8).
  if (config.alipay.credentials && new Date().getTimezoneOffset() !== -480) {
    app.log.warn(
      'the server is not on China time: set TZ=Asia/Shanghai, or Alipay may reject request timestamps',
    )
  }

  let closing = false
  const shutdown = async (signal: string) => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'shutting down')
    try {
      await app.close() // stops the expiry sweeper too
      await db.close()
      process.exit(0)
    } catch (error) {
      app.log.error({ err: error }, 'error during shutdown')
      process.exit(1)
    }
  }
  process.once('SIGINT', () => void shutdown('SIGINT'))
  process.once('SIGTERM', () => void shutdown('SIGTERM'))

  try {
    await app.listen({ port: config.port, host: config.host })
  } catch (error) {
    await app.close()
    await db.close()
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE')
      fail(`port ${config.port} is already in use. Stop the other process or set PORT, e.g. PORT=3001.`)
    if (code === 'EACCES')
      fail(`not allowed to listen on port ${config.port}. Set PORT to a number above 1024.`)
    if (code === 'EADDRNOTAVAIL') fail(`cannot listen on HOST=${config.host}. Set HOST=0.0.0.0 or 127.0.0.1.`)
    throw error
  }

  const base = ownOrigin(config.host, config.port)
  const docs = config.http.apiDocs ? ', docs /docs' : ''
  console.log(`Reference server: ${base}  (API /api${docs}, database: ${db.description})`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
