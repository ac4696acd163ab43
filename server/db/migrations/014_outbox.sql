-- A durable outbox (server/outbox): work for other systems (Alipay's order center first) written
-- in the SAME transaction as the change it reports, so a crash can neither lose it nor report a
-- change that rolled back. Workers on every instance claim due jobs with FOR UPDATE SKIP LOCKED
-- and a lease (locked_until), deliver them in id order per (kind, aggregate), retry transient
-- failures with backoff and keep permanent ones as failed with their error.

create table outbox (
  id bigint generated always as identity primary key,
  -- What to do with the payload: a handler is registered per kind (server/outbox/worker.ts).
  kind text not null check (kind ~ '^[a-z][a-z0-9_.]{0,63}$'),
  -- What the job is about (an order id): jobs of one kind and aggregate run strictly in id order.
  aggregate_id text not null check (length(aggregate_id) between 1 and 128),
  payload jsonb not null,
  -- pending until delivered (done) or given up on (failed: a permanent error, or too many tries).
  status text not null default 'pending' check (status in ('pending', 'done', 'failed')),
  attempts integer not null default 0 check (attempts >= 0),
  next_attempt_at timestamptz not null default now(),
  -- The lease: while in the future, the worker claimed_by is running the job and nobody else may.
  locked_until timestamptz,
  claimed_by text,
  created_at timestamptz not null default now(),
  -- When it ended, delivered or failed.
  done_at timestamptz,
  last_error text,
  check ((status = 'pending') = (done_at is null)),
  check ((locked_until is null) = (claimed_by is null))
);

-- The claim: due pending jobs, oldest first; and "is an earlier job of this aggregate pending?".
create index outbox_due_idx on outbox (next_attempt_at, id) where status = 'pending';
create index outbox_pending_aggregate_idx on outbox (kind, aggregate_id, id) where status = 'pending';
-- Operators and tests look jobs up by aggregate.
create index outbox_aggregate_idx on outbox (aggregate_id, id);
-- Delivered jobs are deleted OUTBOX_RETENTION_DAYS after they ended (failed ones are kept).
create index outbox_done_idx on outbox (done_at) where status = 'done';

-- The last state of each order handed to Alipay's order center (server/order-center): written with
-- the outbox job, so each state is enqueued once and in the order it happened.
create table order_center_syncs (
  order_id text primary key references orders (id) on delete cascade,
  status text not null check (status in ('CREATE', 'PAID', 'IN_DELIVERY', 'FINISHED', 'CLOSED', 'REFUNDED')),
  updated_at timestamptz not null default now()
);
