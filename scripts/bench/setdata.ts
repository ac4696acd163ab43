/**
 * setData bytes of the compiled Alipay bundle (MINI_DIST_DIR, else dist/alipay), measured in the
 * mini-program runtime against the reference server: `npx tsx scripts/bench/setdata.ts`.
 * `npm run bench` runs it on a build of its own (setdata-section.ts).
 * Prints one JSON line, `{ "rows": [{ "name", "bytes", "calls", "budget", ... }] }`, last.
 */
import { measureSetData } from '../../tests/support/setdata-bench'
import { startShopServer } from '../../tests/support/shop-server'

async function main() {
  const server = await startShopServer()
  try {
    const rows = await measureSetData(server.baseUrl)
    console.log(JSON.stringify({ rows }))
  } finally {
    await server.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
