-- Staff of the shop (the merchant side) and what they do. Staff are created from the command line
-- (`npm run staff -- add <name>`), log in with a password, and act through /api/merchant/*.

create table staff (
  id bigserial primary key,
  -- The login name (rules in contract/limits.ts).
  name text not null unique,
  role text not null check (role in ('owner', 'staff')),
  -- `scrypt$N$r$p$salt$hash` (server/staff/password.ts): the salt and cost travel with the hash.
  password_hash text not null,
  created_at timestamptz not null default now(),
  -- A disabled account cannot log in, and its sessions stop working.
  disabled_at timestamptz
);

-- Staff sessions live apart from buyers' (002's `sessions`): a token of one kind is unknown to the
-- other's guard. Only a hash of each token is stored, as for buyers.
create table staff_sessions (
  token_hash text primary key,
  staff_id bigint not null references staff (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);

create index staff_sessions_staff_idx on staff_sessions (staff_id);
create index staff_sessions_expiry_idx on staff_sessions (expires_at);

-- Who did what to which record, and the record before → after. Written in the same transaction as
-- the change it records, so a rolled-back change leaves no entry. staff_id is null when no staff
-- member acted: the command line, or a failed login.
create table audit_log (
  id bigserial primary key,
  staff_id bigint references staff (id),
  action text not null,
  target_type text not null,
  target_id text not null,
  before jsonb,
  after jsonb,
  at timestamptz not null default now()
);

create index audit_log_target_idx on audit_log (target_type, target_id, at desc);
create index audit_log_staff_idx on audit_log (staff_id, at desc);
