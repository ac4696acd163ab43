-- Request counters of the rate limits (server/limits/sql-store.ts) when several instances share
-- one PostgreSQL and no REDIS_URL is given: one row per key (e.g. "createOrder:buyer:42"), counting
-- the hits of its current fixed window. Unlogged: counters need no crash safety (a crash at worst
-- resets budgets early), and skipping the WAL keeps the upsert on every limited request cheap.
create unlogged table rate_limit_counters (
  key text primary key,
  hits integer not null check (hits >= 1),
  window_ends_at timestamptz not null
);

-- Finished windows are deleted in the background (sql-store.ts), through this index.
create index rate_limit_counters_window_ends_at on rate_limit_counters (window_ends_at);
