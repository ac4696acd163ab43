/**
 * Reading the audit log (written by repository.ts's `audit`): newest first, filtered by who acted,
 * the action (exact, or a prefix ending in ".") and the target. Entries of the command line, the
 * system and failed logins have no staff; a failed login's target is the name that was tried.
 */
import type { AuditEntry, AuditListQuery } from '../../contract'
import type { Queryable } from '../db/types'

interface AuditRow {
  id: string
  at: Date
  staff_name: string | null
  action: string
  target_type: string
  target_id: string
  before: unknown
  after: unknown
}

const toEntry = (row: AuditRow): AuditEntry => ({
  id: row.id,
  at: new Date(row.at).toISOString(),
  ...(row.staff_name === null ? {} : { staff: row.staff_name }),
  action: row.action,
  target: { type: row.target_type, id: row.target_id },
  ...(row.before === null ? {} : { before: row.before }),
  ...(row.after === null ? {} : { after: row.after }),
})

export async function listAudit(
  db: Queryable,
  query: AuditListQuery,
): Promise<{ items: AuditEntry[]; total: number }> {
  const { staff, action, targetType, targetId, page, pageSize } = query
  const where = `($1::text is null or s.name = $1)
    and ($2::text is null or (case when $2 like '%.' then starts_with(a.action, $2) else a.action = $2 end))
    and ($3::text is null or a.target_type = $3)
    and ($4::text is null or a.target_id = $4)`
  const from = 'audit_log a left join staff s on s.id = a.staff_id'
  const rows = await db.query<{ total: number } & (AuditRow | Record<keyof AuditRow, null>)>(
    `select counted.total, page.*
       from (select count(*)::int as total from ${from} where ${where}) counted
       left join lateral (
         select a.id::text, a.at, s.name as staff_name, a.action, a.target_type, a.target_id,
                a.before, a.after
           from ${from} where ${where}
          order by a.at desc, a.id desc
          limit $5 offset $6
       ) page on true
      order by page.at desc, page.id::bigint desc`,
    [staff ?? null, action ?? null, targetType ?? null, targetId ?? null, pageSize, (page - 1) * pageSize],
  )
  const entries = rows.filter((row): row is { total: number } & AuditRow => row.id !== null)
  return { items: entries.map(toEntry), total: rows[0]?.total ?? 0 }
}
