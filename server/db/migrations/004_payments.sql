-- Payments through Alipay. The order's own status (003) stays the single source of truth for
-- "paid"; these tables record what Alipay was asked and told, so every step can be checked,
-- repeated safely, and never applied twice. Money is integer fen.

-- One Alipay trade per order (out_trade_no = the order id), stored once created.
create table payments (
  order_id text primary key references orders (id),
  trade_no text not null unique,
  amount_fen integer not null check (amount_fen > 0),
  -- The last trade_status we learned (create → WAIT_BUYER_PAY; then from notifies and queries).
  trade_status text not null default 'WAIT_BUYER_PAY'
    check (trade_status in ('WAIT_BUYER_PAY', 'TRADE_SUCCESS', 'TRADE_FINISHED', 'TRADE_CLOSED')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Money taken for an order that was closed meanwhile is refunded in full (never kept):
  -- 'pending' while Alipay has not confirmed the refund, 'refunded' once it did.
  refund_status text check (refund_status in ('pending', 'refunded')),
  refund_out_request_no text,
  refund_fen integer check (refund_fen > 0),
  refunded_at timestamptz,
  check ((refund_status is null) = (refund_out_request_no is null)),
  check (refund_status is distinct from 'refunded' or (refund_fen is not null and refunded_at is not null))
);

-- Every notify acted on, by notify_id: Alipay redelivers until it reads `success`, and a replay
-- (or a redelivery after a crash between commit and reply) must change nothing.
create table alipay_notifies (
  notify_id text primary key,
  notify_type text not null,
  -- out_trade_no for trades, out_order_no for pre-authorizations.
  subject_id text not null,
  status text not null,
  received_at timestamptz not null default now()
);

-- Pre-authorization demo: a deposit frozen on the buyer's Alipay balance (renting an item).
create table deposits (
  -- Also out_order_no and out_request_no at Alipay.
  id text primary key check (id ~ '^D[0-9]{8,32}$'),
  user_id bigint not null references users (id),
  item_id text not null,
  title text not null,
  amount_fen integer not null check (amount_fen > 0),
  status text not null check (status in ('awaiting_freeze', 'frozen', 'closed')),
  auth_no text,
  created_at timestamptz not null default now(),
  frozen_at timestamptz,
  check ((status = 'frozen') = (frozen_at is not null and auth_no is not null))
);

create index deposits_user_idx on deposits (user_id, created_at desc);

-- Single-use tickets that let the session-less web-view checkout page act for one buyer on one
-- order. Only a hash is stored, like session tokens.
create table webview_tickets (
  ticket_hash text primary key,
  order_id text not null references orders (id) on delete cascade,
  user_id bigint not null references users (id) on delete cascade,
  expires_at timestamptz not null,
  used_at timestamptz
);

create index webview_tickets_expiry_idx on webview_tickets (expires_at);
