-- Orders: a buyer's saved address, orders with a snapshot of what was bought, and idempotency keys
-- that make order creation safe to retry. Money is integer fen. The order life cycle
-- (server/orders/state.ts) is awaiting_payment → paid | closed, and the constraints below make
-- every other combination impossible, whatever the code does.

create table addresses (
  user_id bigint primary key references users (id) on delete cascade,
  name text not null,
  phone text not null,
  region text not null,
  detail text not null,
  updated_at timestamptz not null default now()
);

create table orders (
  -- The order number, digits only (yyyymmdd + 12 random digits): also Alipay's out_trade_no.
  id text primary key check (id ~ '^[0-9]{8,32}$'),
  user_id bigint not null references users (id),
  status text not null check (status in ('awaiting_payment', 'paid', 'closed')),
  close_reason text check (close_reason in ('expired', 'cancelled')),
  total_fen integer not null check (total_fen >= 0),
  item_count integer not null check (item_count >= 1),
  -- Where to ship, as it was when the order was placed (the saved address may change later).
  address jsonb not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  paid_at timestamptz,
  closed_at timestamptz,
  check (expires_at >= created_at),
  check (
    (status = 'awaiting_payment' and paid_at is null and closed_at is null and close_reason is null)
    or (status = 'paid' and paid_at is not null and closed_at is null and close_reason is null)
    or (status = 'closed' and closed_at is not null and close_reason is not null and paid_at is null)
  )
);

-- A buyer's orders by status, newest first; and the expiry sweep over unpaid orders.
create index orders_user_status_idx on orders (user_id, status, created_at desc, id desc);
create index orders_user_created_idx on orders (user_id, created_at desc, id desc);
create index orders_awaiting_expiry_idx on orders (expires_at) where status = 'awaiting_payment';

-- paid and closed are final: once there, status and its timestamps never change again. The
-- transitions in state.ts are conditional UPDATEs, so a race cannot get here; this is the backstop
-- against any other statement.
create or replace function orders_keep_final_state() returns trigger
language plpgsql as $$
begin
  if old.status <> 'awaiting_payment'
     and (new.status, new.close_reason, new.paid_at, new.closed_at)
         is distinct from (old.status, old.close_reason, old.paid_at, old.closed_at) then
    raise exception 'order % is % and cannot change to %', old.id, old.status, new.status
      using errcode = 'check_violation';
  end if;
  return new;
end
$$;

create trigger orders_keep_final_state before update on orders
for each row execute function orders_keep_final_state();

-- What was bought, as it was when bought: titles and SKU labels in both languages, so the order
-- reads right in either language even after the catalog changes.
create table order_lines (
  order_id text not null references orders (id) on delete cascade,
  line_no integer not null check (line_no >= 1),
  sku_id text not null references skus (id),
  product_id text not null references products (id),
  title_zh text not null,
  title_en text not null,
  sku_label_zh text not null,
  sku_label_en text not null,
  image_file text not null,
  unit_price_fen integer not null check (unit_price_fen >= 0),
  quantity integer not null check (quantity >= 1),
  line_total_fen integer not null,
  primary key (order_id, line_no),
  unique (order_id, sku_id),
  check (line_total_fen = unit_price_fen * quantity)
);

-- One row per (buyer, Idempotency-Key), written in the same transaction as the order it made, so
-- a retry finds either nothing (the first attempt rolled back) or the finished order.
create table idempotency_keys (
  user_id bigint not null references users (id) on delete cascade,
  key text not null,
  -- sha256 of the normalised request body: the same key with another body is refused.
  request_hash text not null,
  -- Null only inside the creating transaction, before the order row exists.
  order_id text references orders (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (user_id, key)
);
