/**
 * Shared by faults-two-instances.test.ts (not a test file itself): the log that collects every
 * instance's errors (the instances are payments-helpers' startShop, each with its OWN connection
 * pool to one PostgreSQL schema and its sweeper, listening on its own port); a notifier that
 * delivers every notify to every instance; and an audit trigger that records each status change.
 */
import { Writable } from 'node:stream'
import { createNotifier, type Notifier } from '../alipay-simulator/notifier'
import type { Db } from '../db/types'

/** Every error-level log line of every instance and sweeper: a race must never produce one. */
export const errorLogs: string[] = []

const errorStream = new Writable({
  write(chunk: Buffer, _encoding, done) {
    errorLogs.push(chunk.toString().trim())
    done()
  },
})

/** For startShop: the instance logs only errors, into errorLogs. */
export const errorsOnlyLogger = { level: 'error', stream: errorStream }

/**
 * The simulator's notifier, except that each notify goes to every instance (to the notify_url's
 * path on each origin), each copy with Alipay's retries: the same notify_id races on both.
 */
export function notifierToAll(origins: () => string[]): Notifier {
  const inner = createNotifier({ scheduleMs: [0, 50, 100, 200, 400, 800] })
  const send = inner.send.bind(inner)
  return Object.assign(inner, {
    send(url: string, fields: Record<string, string>) {
      const { pathname } = new URL(url)
      for (const origin of origins()) send(`${origin}${pathname}`, fields)
    },
  })
}

/** Records every change of an order's life cycle in order_transitions (this schema only). */
export async function installTransitionAudit(db: Db): Promise<void> {
  await db.exec(`
    create table order_transitions (
      order_id text not null,
      from_status text not null,
      to_status text not null,
      close_reason text,
      at timestamptz not null default clock_timestamp()
    );
    create function record_order_transition() returns trigger language plpgsql as $$
    begin
      -- Any change of the life-cycle columns counts, so a re-close (new reason or time) shows too.
      if (new.status, new.close_reason, new.paid_at, new.closed_at)
         is distinct from (old.status, old.close_reason, old.paid_at, old.closed_at) then
        insert into order_transitions (order_id, from_status, to_status, close_reason)
        values (old.id, old.status, new.status, new.close_reason);
      end if;
      return new;
    end
    $$;
    create trigger record_order_transition after update on orders
    for each row execute function record_order_transition();
  `)
}

/** A small seeded PRNG (mulberry32), so a failing interleaving's choices can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
