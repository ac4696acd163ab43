-- Buyers and their sessions. A buyer is known by the id Alipay gives the app: the legacy
-- `user_id` (2088…) or, for apps moved to OpenID, the per-app `open_id`.
create table users (
  id bigserial primary key,
  alipay_user_id text unique,
  alipay_open_id text unique,
  created_at timestamptz not null default now(),
  check (alipay_user_id is not null or alipay_open_id is not null)
);

-- Only a hash of each token is stored: a leaked table does not leak usable sessions.
create table sessions (
  token_hash text primary key,
  user_id bigint not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);

create index sessions_user_idx on sessions (user_id);
create index sessions_expiry_idx on sessions (expires_at);
