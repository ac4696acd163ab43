/**
 * Migration 019 renames the command line's old audit actions (staff.create, staff.password_change)
 * to the names the console and the command line write now, so one filter finds them all.
 */
import { loadMigrations, migrate } from '../db/migrate'
import { describeEachDatabase } from '../testing/databases'

describeEachDatabase('migration 019: audit action names', (getDb) => {
  it('renames the old staff actions and leaves the others alone', async () => {
    const migrations = loadMigrations()
    await migrate(
      getDb(),
      migrations.filter((m) => m.version < '019'),
    )
    for (const action of ['staff.create', 'staff.password_change', 'order.ship'])
      await getDb().query(
        `insert into audit_log (action, target_type, target_id) values ($1, 'staff', '1')`,
        [action],
      )
    expect(
      await migrate(
        getDb(),
        migrations.filter((m) => m.version === '019'),
      ),
    ).toEqual(['019_audit_action_names'])
    const rows = await getDb().query<{ action: string }>('select action from audit_log order by id')
    expect(rows.map((row) => row.action)).toEqual(['staff.add', 'staff.password_reset', 'order.ship'])
  })
})
