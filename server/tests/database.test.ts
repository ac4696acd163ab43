import { expandSkus, loadSeedData, seedCatalog, type SeedData } from '../catalog/seed'
import { loadMigrations, migrate } from '../db/migrate'
import { openPostgres } from '../db/postgres'
import { describeEachDatabase, TEST_DATABASE_URL } from '../testing/databases'

describeEachDatabase('migrations, transactions and seeding', (getDb, kind) => {
  it('applies every migration once and records it; a second run is a no-op', async () => {
    const all = loadMigrations().map((m) => m.name)
    expect(all[0]).toBe('001_catalog')
    expect(await migrate(getDb())).toEqual(all)
    expect(await migrate(getDb())).toEqual([])
    const rows = await getDb().query<{ version: string }>(
      'select version from schema_migrations order by version',
    )
    expect(rows.map((r) => r.version)).toEqual(all.map((name) => name.slice(0, 3)))
  })

  it('rolls back a failed migration entirely', async () => {
    const broken = [
      {
        version: '900',
        name: '900_broken',
        sql: 'create table half_done (id int); select * from no_such_table;',
      },
    ]
    await expect(migrate(getDb(), broken)).rejects.toThrow(/no_such_table/)
    expect(await getDb().query(`select 1 from schema_migrations where version = '900'`)).toEqual([])
    expect(
      await getDb().query(
        `select 1 from information_schema.tables where table_name = 'half_done' and table_schema = current_schema()`,
      ),
    ).toEqual([])
  })

  it('commits transactions that resolve and rolls back those that throw', async () => {
    const db = getDb()
    await db.exec('create table tx_probe (n int not null)')
    await db.transaction(async (tx) => {
      await tx.query('insert into tx_probe values ($1)', [1])
    })
    await expect(
      db.transaction(async (tx) => {
        await tx.query('insert into tx_probe values ($1)', [2])
        throw new Error('abort')
      }),
    ).rejects.toThrow('abort')
    expect(await db.query<{ n: number }>('select n from tx_probe order by n')).toEqual([{ n: 1 }])
  })

  it('seeds the catalog: every SKU has integer fen prices', async () => {
    await seedCatalog(getDb())
    const [counts] = await getDb().query<{ categories: number; products: number; skus: number }>(
      `select (select count(*)::int from categories) as categories, (select count(*)::int from products) as products,
              (select count(*)::int from skus) as skus`,
    )
    const data = loadSeedData()
    expect(counts).toEqual({
      categories: data.categories.length,
      products: data.products.length,
      skus: data.products.flatMap(expandSkus).length,
    })
  })

  it('re-seeding updates prices and texts but keeps stock, and hides removed products', async () => {
    const db = getDb()
    await seedCatalog(db)
    // Orders would have decremented stock since the first start.
    await db.query(`update skus set stock = 3 where id = 'mug-ceramic-white'`)
    const edited: SeedData = JSON.parse(JSON.stringify(loadSeedData()))
    const mug = edited.products.find((p) => p.id === 'mug-ceramic')!
    mug.price = 4200
    mug.stock = 999
    mug.title.en = 'Ceramic Mug (new)'
    edited.products = edited.products.filter((p) => p.id !== 'candle-soy')
    await seedCatalog(db, edited)

    const skus = await db.query<{ id: string; price_fen: number; stock: number }>(
      `select id, price_fen, stock from skus where product_id = 'mug-ceramic' order by sort_order`,
    )
    expect(skus).toEqual([
      { id: 'mug-ceramic-white', price_fen: 4200, stock: 3 },
      { id: 'mug-ceramic-sky', price_fen: 4200, stock: 80 },
      { id: 'mug-ceramic-coral', price_fen: 4200, stock: 80 },
    ])
    const [product] = await db.query<{ title_en: string }>(
      `select title_en from products where id = 'mug-ceramic'`,
    )
    expect(product.title_en).toBe('Ceramic Mug (new)')
    const [candle] = await db.query<{ active: boolean }>(
      `select active from products where id = 'candle-soy'`,
    )
    expect(candle.active).toBe(false)

    await seedCatalog(db) // restoring the file brings the product back, stock still untouched
    const [restored] = await db.query<{ active: boolean }>(
      `select active from products where id = 'candle-soy'`,
    )
    expect(restored.active).toBe(true)
    const [white] = await db.query<{ stock: number; price_fen: number }>(
      `select stock, price_fen from skus where id = 'mug-ceramic-white'`,
    )
    expect(white).toEqual({ stock: 3, price_fen: 3900 })
  })

  it('rejects negative stock at the database level', async () => {
    await expect(getDb().query(`update skus set stock = -1 where id = 'mug-ceramic-white'`)).rejects.toThrow(
      /check/i,
    )
  })

  if (kind === 'postgres') {
    it('lets two instances migrate the same schema concurrently', async () => {
      const [{ schema }] = await getDb().query<{ schema: string }>('select current_schema() as schema')
      // Start from an empty schema: drop every table the migrations made.
      const tables = await getDb().query<{ name: string }>(
        'select tablename as name from pg_tables where schemaname = current_schema()',
      )
      await getDb().exec(tables.map(({ name }) => `drop table if exists "${name}" cascade;`).join('\n'))
      const a = await openPostgres(TEST_DATABASE_URL, { schema })
      const b = await openPostgres(TEST_DATABASE_URL, { schema })
      try {
        const [appliedA, appliedB] = await Promise.all([migrate(a), migrate(b)])
        expect([...appliedA, ...appliedB].sort()).toEqual(loadMigrations().map((m) => m.name))
      } finally {
        await Promise.all([a.close(), b.close()])
      }
    })
  }
})
