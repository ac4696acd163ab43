/**
 * Migration 008 moves the full refunds of closed orders that 004 kept in columns of payments into
 * the refunds table (same out_request_no, kind closed_order) and drops the columns. It needs
 * nothing after 005, so it is applied right after it here.
 */
import { loadMigrations, migrate } from '../db/migrate'
import { describeEachDatabase } from '../testing/databases'

describeEachDatabase('migration 008: refunds', (getDb) => {
  it('carries the refunds kept on payments over to the refunds table, and drops their columns', async () => {
    const migrations = loadMigrations()
    await migrate(
      getDb(),
      migrations.filter((m) => m.version <= '005'),
    )
    const db = getDb()
    const [user] = await db.query<{ id: string }>(
      `insert into users (alipay_user_id) values ('2088000000000777') returning id::text`,
    )
    for (const [orderId, refund] of [
      ['20240101000000000001', `'refunded', 'refund_20240101000000000001', 1200, now()`],
      ['20240101000000000002', `'pending', 'refund_20240101000000000002', null, null`],
      ['20240101000000000003', 'null, null, null, null'],
    ]) {
      await db.query(
        `insert into orders (id, user_id, status, close_reason, total_fen, item_count, address, expires_at, closed_at)
         values ($1, $2, 'closed', 'cancelled', 1200, 1, '{}', now(), now())`,
        [orderId, user.id],
      )
      await db.query(
        `insert into payments (order_id, trade_no, amount_fen, refund_status, refund_out_request_no, refund_fen, refunded_at)
         values ($1, $2, 1200, ${refund})`,
        [orderId, `T${orderId}`],
      )
    }
    expect(
      await migrate(
        db,
        migrations.filter((m) => m.version === '008'),
      ),
    ).toEqual(['008_refunds'])

    const refunds = await db.query(
      `select order_id, out_request_no, amount_fen, kind, status, refunded_at is not null as refunded
         from refunds order by order_id`,
    )
    expect(refunds).toEqual([
      {
        order_id: '20240101000000000001',
        out_request_no: 'refund_20240101000000000001',
        amount_fen: 1200,
        kind: 'closed_order',
        status: 'refunded',
        refunded: true,
      },
      {
        order_id: '20240101000000000002',
        out_request_no: 'refund_20240101000000000002',
        amount_fen: 1200,
        kind: 'closed_order',
        status: 'pending',
        refunded: false,
      },
    ])
    const columns = await db.query<{ name: string }>(
      `select column_name as name from information_schema.columns
        where table_schema = current_schema() and table_name = 'payments' order by ordinal_position`,
    )
    expect(columns.map((c) => c.name)).toEqual([
      'order_id',
      'trade_no',
      'amount_fen',
      'trade_status',
      'created_at',
      'updated_at',
    ])
  })
})
