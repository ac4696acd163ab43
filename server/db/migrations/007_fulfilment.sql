-- The order after payment: paid → shipped → received → completed (server/orders/fulfilment.ts).
-- Shipping records the carrier, the tracking number and when; the buyer confirms receipt (or the
-- sweeper does, AUTO_RECEIVE_DAYS after shipping); the order completes once its after-sales window
-- (AFTER_SALES_DAYS after receipt) ends with nothing open. As in 003, the constraints make every
-- other combination impossible and the trigger refuses every other change of state.

alter table orders
  add column carrier text,
  add column tracking_no text,
  add column shipped_at timestamptz,
  -- The staff member who shipped (006's staff.id); null when shipped from the command line or a
  -- test. Deliberately no foreign key yet: a later migration adds it.
  add column shipped_by bigint,
  add column received_at timestamptz,
  add column completed_at timestamptz;

-- 003's constraints (named by PostgreSQL) only knew awaiting_payment, paid and closed.
alter table orders drop constraint orders_status_check;
alter table orders drop constraint orders_check1;

alter table orders
  add constraint orders_status_check
    check (status in ('awaiting_payment', 'paid', 'shipped', 'received', 'completed', 'closed')),
  -- Unpaid, closed unpaid, or paid (and then maybe further along).
  add constraint orders_payment_state_check check (
    (status = 'awaiting_payment' and paid_at is null and closed_at is null and close_reason is null)
    or (status = 'closed' and closed_at is not null and close_reason is not null and paid_at is null)
    or (status in ('paid', 'shipped', 'received', 'completed')
        and paid_at is not null and closed_at is null and close_reason is null)
  ),
  -- Each state after payment has its timestamp, and no state not yet reached has one.
  add constraint orders_shipped_state_check
    check ((status in ('shipped', 'received', 'completed')) = (shipped_at is not null)),
  add constraint orders_received_state_check
    check ((status in ('received', 'completed')) = (received_at is not null)),
  add constraint orders_completed_state_check check ((status = 'completed') = (completed_at is not null)),
  -- A shipment is carrier, tracking number and time together; who shipped is optional.
  add constraint orders_shipment_check check (
    (shipped_at is null) = (carrier is null)
    and (shipped_at is null) = (tracking_no is null)
    and (shipped_at is not null or shipped_by is null)
  ),
  add constraint orders_fulfilment_order_check
    check (received_at >= shipped_at and completed_at >= received_at);

-- The sweeper's two steps: shipped orders due for automatic receipt, received orders due to complete.
create index orders_shipped_at_idx on orders (shipped_at) where status = 'shipped';
create index orders_received_at_idx on orders (received_at) where status = 'received';

-- THE SEAM FOR AFTER-SALES. True while the order has an after-sales request still open. No such
-- requests exist yet, so it is false; the after-sales migration replaces this function (create or
-- replace) with a lookup in its table. The sweeper does not auto-receive or complete an order while
-- it is true, and the trigger below refuses to complete one.
create or replace function order_has_open_after_sales(order_id text) returns boolean
language sql stable as $$
  select false
$$;

-- Replaces 003's trigger function: status moves only along
--   awaiting_payment → paid | closed,  paid → shipped → received → completed,
-- and what an order recorded on reaching a state never changes afterwards. The per-state
-- constraints above make the new state set exactly its own columns.
create or replace function orders_keep_final_state() returns trigger
language plpgsql as $$
begin
  if new.status is distinct from old.status
     and (old.status, new.status) not in (
       ('awaiting_payment', 'paid'), ('awaiting_payment', 'closed'),
       ('paid', 'shipped'), ('shipped', 'received'), ('received', 'completed')) then
    raise exception 'order % is % and cannot change to %', old.id, old.status, new.status
      using errcode = 'check_violation';
  end if;
  if (old.status <> 'awaiting_payment'
        and (new.paid_at, new.closed_at, new.close_reason)
            is distinct from (old.paid_at, old.closed_at, old.close_reason))
     or (old.status in ('shipped', 'received', 'completed')
        and (new.carrier, new.tracking_no, new.shipped_at, new.shipped_by)
            is distinct from (old.carrier, old.tracking_no, old.shipped_at, old.shipped_by))
     or (old.status in ('received', 'completed') and new.received_at is distinct from old.received_at)
     or (old.status = 'completed' and new.completed_at is distinct from old.completed_at) then
    raise exception 'order % is % and cannot change what it recorded', old.id, old.status
      using errcode = 'check_violation';
  end if;
  if old.status = 'received' and new.status = 'completed' and order_has_open_after_sales(old.id) then
    raise exception 'order % has an open after-sales request and cannot complete', old.id
      using errcode = 'check_violation';
  end if;
  return new;
end
$$;
