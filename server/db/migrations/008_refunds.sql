-- Refunds through Alipay (alipay.trade.refund), one row per refund: a trade can be refunded in
-- several parts, each with its own out_request_no, which is also what makes a resend safe (Alipay
-- refunds one out_request_no once). Money is integer fen. Depends on 004 only.

create table refunds (
  id bigint generated always as identity primary key,
  order_id text not null references payments (order_id),
  -- Alipay's out_request_no: at most 64 letters, digits and underscores.
  out_request_no text not null unique check (out_request_no ~ '^[A-Za-z0-9_]{1,64}$'),
  amount_fen integer not null check (amount_fen > 0),
  -- closed_order: money taken for an order that was closed meanwhile, refunded in full.
  -- after_sales: a buyer's after-sales request (its id, no FK until that table exists).
  kind text not null check (kind in ('closed_order', 'after_sales')),
  after_sales_request_id text,
  -- refund_reason sent to Alipay (shown in the buyer's bill).
  reason text not null check (length(reason) between 1 and 256),
  -- pending until Alipay confirms (refunded) or verifiably refuses it (failed).
  status text not null default 'pending' check (status in ('pending', 'refunded', 'failed')),
  attempts integer not null default 0 check (attempts >= 0),
  last_error text,
  created_at timestamptz not null default now(),
  -- Last attempt: the reconciler waits a grace after it, and serves the oldest first.
  updated_at timestamptz not null default now(),
  refunded_at timestamptz,
  check ((status = 'refunded') = (refunded_at is not null)),
  check ((kind = 'after_sales') = (after_sales_request_id is not null))
);

create index refunds_order_idx on refunds (order_id);
create index refunds_pending_idx on refunds (updated_at) where status = 'pending';

-- What can still be refunded on an order's trade: what was paid minus every refund not failed.
create or replace function refundable_fen(p_order_id text) returns integer language sql stable as $$
  select p.amount_fen - coalesce(
           (select sum(r.amount_fen) from refunds r where r.order_id = p.order_id and r.status <> 'failed'), 0)::integer
    from payments p where p.order_id = p_order_id
$$;

-- The rules of a refund row, for every statement (the module's or anyone's):
--  - refunds not failed never add up to more than was paid (refundable_fen);
--  - order, out_request_no, amount and kind never change (Alipay knows the refund by them);
--  - status moves pending → refunded | failed, or failed → pending (a retry); refunded is final.
create or replace function refunds_check() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' then
    if (new.order_id, new.out_request_no, new.amount_fen, new.kind)
       is distinct from (old.order_id, old.out_request_no, old.amount_fen, old.kind) then
      raise exception 'refund % cannot change its order, out_request_no, amount or kind', old.id
        using errcode = 'check_violation';
    end if;
    if new.status <> old.status and (old.status, new.status) not in
       (('pending', 'refunded'), ('pending', 'failed'), ('failed', 'pending')) then
      raise exception 'refund % is % and cannot become %', old.id, old.status, new.status
        using errcode = 'check_violation';
    end if;
    -- Only a failed refund sent again counts anew.
    if not (old.status = 'failed' and new.status = 'pending') then
      return new;
    end if;
  elsif new.status = 'failed' then
    return new;
  end if;
  -- Locked first: concurrent refunds of one trade queue here, and the sum below (a new
  -- statement, so a fresh snapshot) sees every one committed before.
  perform 1 from payments where order_id = new.order_id for update;
  if new.amount_fen > refundable_fen(new.order_id) then
    raise exception 'refund of % fen on order % is more than the % fen left to refund',
      new.amount_fen, new.order_id, refundable_fen(new.order_id)
      using errcode = 'check_violation', constraint = 'refunds_within_paid_amount';
  end if;
  return new;
end
$$;

create trigger refunds_check before insert or update on refunds
for each row execute function refunds_check();

-- The full refunds of closed orders that 004 kept in columns of payments become rows here
-- (kind closed_order, the same out_request_no), and the columns go: one place for refunds.
insert into refunds (order_id, out_request_no, amount_fen, kind, reason, status, created_at, updated_at, refunded_at)
select order_id, refund_out_request_no, coalesce(refund_fen, amount_fen), 'closed_order', '订单已关闭',
       refund_status, updated_at, updated_at, refunded_at
  from payments where refund_status is not null;

alter table payments
  drop column refund_status,
  drop column refund_out_request_no,
  drop column refund_fen,
  drop column refunded_at;
