-- After-sales (售后): a buyer asks for money back on some lines of a paid order
-- (contract/after-sales.ts, server/after-sales/). One row per request, one per line it names, and
-- its timeline. Money is integer fen. As in 003 and 007, the constraints make every other
-- combination impossible and the triggers refuse every other change, whatever the code does:
--  - one open request per order line (a partial unique index);
--  - the units asked for on a line, over its requests not rejected or cancelled, never exceed
--    what was bought;
--  - a request's status moves only along contract/after-sales.ts's AfterSalesStatus diagram;
--  - its refund (008's refunds, now tied to it by a foreign key) moves it: once Alipay confirms
--    the refund, the request is refunded, whichever path (answer, notify, reconciler) confirmed it.

-- Open: the request still needs someone (the merchant, the buyer, Alipay). Final: the rest.
create or replace function after_sales_status_is_open(status text) returns boolean
language sql immutable as $$
  select status in ('requested', 'awaiting_return', 'returning', 'refunding')
$$;

-- Lets a request name its order and buyer together (the buyer is the order's).
alter table orders add constraint orders_id_user_key unique (id, user_id);

create table after_sales_requests (
  id bigint generated always as identity primary key,
  order_id text not null,
  user_id bigint not null,
  kind text not null check (kind in ('refund_only', 'return_and_refund')),
  status text not null default 'requested' check (status in (
    'requested', 'awaiting_return', 'returning', 'refunding', 'refunded', 'rejected', 'cancelled')),
  -- contract/limits.ts's AFTER_SALES_REASONS and AFTER_SALES_NOTE_MAX.
  reason text not null check (reason in (
    'changed_mind', 'not_as_described', 'damaged', 'missing_items', 'not_received', 'other')),
  note text check (char_length(note) <= 200),
  -- Σ unit price × quantity of its lines, computed by the server: what its refund will be.
  refund_fen integer not null check (refund_fen > 0),
  -- AFTER_SALES_REJECT_REASON_LENGTH; shown to the buyer.
  reject_reason text check (char_length(reject_reason) between 2 and 200),
  -- The parcel the buyer sent back (return_and_refund, from returning on).
  return_carrier text,
  return_tracking_no text,
  -- The staff member who approved or rejected it; null while requested, or approved automatically.
  decided_by bigint references staff (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (order_id, user_id) references orders (id, user_id),
  -- For the lines' and refunds' foreign keys: they name the request and its order together.
  unique (id, order_id),
  check ((status = 'rejected') = (reject_reason is not null)),
  check (status <> 'rejected' or decided_by is not null),
  check (status <> 'requested' or decided_by is null),
  -- Only a return goes through awaiting_return and returning, and only a return has a parcel.
  check (kind = 'return_and_refund' or status not in ('awaiting_return', 'returning')),
  check ((return_carrier is null) = (return_tracking_no is null)),
  check (return_carrier is null or (kind = 'return_and_refund'
         and status in ('returning', 'refunding', 'refunded', 'cancelled'))),
  check (kind = 'refund_only' or status not in ('returning', 'refunding', 'refunded')
         or return_carrier is not null)
);

-- An order's requests; a buyer's, newest first; everyone's for the merchant, by status or not.
create index after_sales_requests_order_idx on after_sales_requests (order_id, id desc);
create index after_sales_requests_user_idx on after_sales_requests (user_id, created_at desc, id desc);
create index after_sales_requests_status_idx on after_sales_requests (status, created_at desc, id desc);
create index after_sales_requests_created_idx on after_sales_requests (created_at desc, id desc);

-- The order lines a request names, and how many units of each. request_open mirrors the request's
-- status (the triggers keep it so), which lets a unique index see "open" without a join.
create table after_sales_lines (
  request_id bigint not null,
  order_id text not null,
  line_no integer not null,
  quantity integer not null check (quantity >= 1),
  request_open boolean not null default true,
  primary key (request_id, line_no),
  foreign key (request_id, order_id) references after_sales_requests (id, order_id),
  foreign key (order_id, line_no) references order_lines (order_id, line_no)
);

-- One open request per order line: a second one waits for the first to end, even under races.
create unique index after_sales_lines_one_open_idx on after_sales_lines (order_id, line_no)
  where request_open;
create index after_sales_lines_order_idx on after_sales_lines (order_id, line_no);

-- A request's timeline, oldest first (AfterSalesEvent). `by` is who: the buyer, a staff member
-- (audit_log says which one), or the shop itself (automatic approval, Alipay's answers).
create table after_sales_events (
  id bigint generated always as identity primary key,
  request_id bigint not null references after_sales_requests (id),
  type text not null check (type in (
    'requested', 'approved', 'rejected', 'return_shipped', 'return_received', 'refund_sent',
    'refunded', 'refund_failed', 'cancelled')),
  by text not null check (by in ('buyer', 'staff', 'system')),
  note text,
  at timestamptz not null default now()
);

create index after_sales_events_request_idx on after_sales_events (request_id, id);

-- A request's rules, for every statement (server/after-sales/transitions.ts's or anyone's):
--  - it starts requested;
--  - what the buyer asked (order, buyer, kind, reason, note, amount) never changes;
--  - status moves only along
--      requested → refunding (refund_only) | awaiting_return (return_and_refund) | rejected | cancelled,
--      awaiting_return → returning | cancelled,  returning → refunding | cancelled,
--      refunding → refunded (only once its refund is refunded);
--  - what a step recorded (who decided, the return parcel, a rejection's reason) never changes
--    afterwards, and a final request changes no more.
create or replace function after_sales_requests_check() returns trigger
language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    if new.status <> 'requested' then
      raise exception 'an after-sales request starts requested, not %', new.status
        using errcode = 'check_violation';
    end if;
    return new;
  end if;
  if (new.id, new.order_id, new.user_id, new.kind, new.reason, new.note, new.refund_fen, new.created_at)
     is distinct from
     (old.id, old.order_id, old.user_id, old.kind, old.reason, old.note, old.refund_fen, old.created_at) then
    raise exception 'after-sales request % cannot change what was asked', old.id
      using errcode = 'check_violation';
  end if;
  if new.status is distinct from old.status and (old.status, new.status) not in (
       ('requested', 'refunding'), ('requested', 'awaiting_return'), ('requested', 'rejected'),
       ('requested', 'cancelled'), ('awaiting_return', 'returning'), ('awaiting_return', 'cancelled'),
       ('returning', 'refunding'), ('returning', 'cancelled'), ('refunding', 'refunded')) then
    raise exception 'after-sales request % is % and cannot become %', old.id, old.status, new.status
      using errcode = 'check_violation';
  end if;
  if old.status = 'requested' and new.status = 'refunding' and new.kind <> 'refund_only' then
    raise exception 'after-sales request % is a return: it is refunded once the goods are back', old.id
      using errcode = 'check_violation';
  end if;
  if old.status = 'refunding' and new.status = 'refunded' and not exists (
       select 1 from refunds where after_sales_request_id = old.id and status = 'refunded') then
    raise exception 'after-sales request % is refunded only once Alipay confirmed its refund', old.id
      using errcode = 'check_violation';
  end if;
  if (old.status <> 'requested' and new.decided_by is distinct from old.decided_by)
     or (old.status <> 'awaiting_return'
         and (new.return_carrier, new.return_tracking_no)
             is distinct from (old.return_carrier, old.return_tracking_no))
     or (not after_sales_status_is_open(old.status)
         and (new.status, new.reject_reason) is distinct from (old.status, old.reject_reason)) then
    raise exception 'after-sales request % is % and cannot change what it recorded', old.id, old.status
      using errcode = 'check_violation';
  end if;
  return new;
end
$$;

create trigger after_sales_requests_check before insert or update on after_sales_requests
for each row execute function after_sales_requests_check();

-- A request that ends frees its lines for another request.
create or replace function after_sales_requests_sync_lines() returns trigger
language plpgsql as $$
begin
  update after_sales_lines set request_open = after_sales_status_is_open(new.status)
   where request_id = new.id;
  return null;
end
$$;

create trigger after_sales_requests_sync_lines after update of status on after_sales_requests
for each row when (old.status is distinct from new.status)
execute function after_sales_requests_sync_lines();

-- A line's rules: it never changes (but for request_open, which always mirrors its request), and
-- the units asked for on an order line, over its requests not rejected or cancelled, never
-- exceed what was bought.
create or replace function after_sales_lines_check() returns trigger
language plpgsql as $$
declare
  bought integer;
  claimed integer;
begin
  if tg_op = 'UPDATE' and (new.request_id, new.order_id, new.line_no, new.quantity)
     is distinct from (old.request_id, old.order_id, old.line_no, old.quantity) then
    raise exception 'after-sales line % of request % cannot change', old.line_no, old.request_id
      using errcode = 'check_violation';
  end if;
  new.request_open := coalesce(
    (select after_sales_status_is_open(status) from after_sales_requests where id = new.request_id), true);
  if tg_op = 'UPDATE' then
    return new;
  end if;
  -- Locked first: requests on one order queue here, and the sum below (a new statement, so a
  -- fresh snapshot) sees every one committed before. NO KEY UPDATE, not UPDATE: the request's
  -- own insert already holds the order's KEY SHARE lock (its foreign key), and so may a racing
  -- request's; FOR UPDATE would wait on each other's and deadlock.
  perform 1 from orders where id = new.order_id for no key update;
  select quantity into bought from order_lines where order_id = new.order_id and line_no = new.line_no;
  select coalesce(sum(l.quantity), 0) into claimed
    from after_sales_lines l join after_sales_requests r on r.id = l.request_id
   where l.order_id = new.order_id and l.line_no = new.line_no
     and r.status not in ('rejected', 'cancelled');
  if claimed + new.quantity > bought then
    raise exception 'line % of order % was bought % times and % are claimed already: % more is too many',
      new.line_no, new.order_id, bought, claimed, new.quantity
      using errcode = 'check_violation', constraint = 'after_sales_lines_within_bought';
  end if;
  return new;
end
$$;

create trigger after_sales_lines_check before insert or update on after_sales_lines
for each row execute function after_sales_lines_check();

-- 008 kept the request's id as text, with no foreign key until this table existed. No after-sales
-- refund could be made before it, so the conversion meets none.
alter table refunds alter column after_sales_request_id type bigint using after_sales_request_id::bigint;
alter table refunds
  add constraint refunds_after_sales_request_fkey
    foreign key (after_sales_request_id, order_id) references after_sales_requests (id, order_id),
  -- One refund per request (its out_request_no, R<order>_<request>, says so too).
  add constraint refunds_after_sales_request_key unique (after_sales_request_id);

-- A request's refund is of its amount, and made once the request was approved (refunding); a
-- refunded request may meet its refund again (requestRefund is idempotent per out_request_no).
create or replace function refunds_match_after_sales() returns trigger
language plpgsql as $$
declare
  request after_sales_requests%rowtype;
begin
  select * into request from after_sales_requests where id = new.after_sales_request_id;
  if not found then
    return new; -- the foreign key refuses it
  end if;
  if request.refund_fen <> new.amount_fen then
    raise exception 'after-sales request % refunds % fen, not %', request.id, request.refund_fen, new.amount_fen
      using errcode = 'check_violation';
  end if;
  if request.status not in ('refunding', 'refunded') then
    raise exception 'after-sales request % is % and cannot be refunded', request.id, request.status
      using errcode = 'check_violation';
  end if;
  return new;
end
$$;

create trigger refunds_match_after_sales before insert on refunds
for each row when (new.kind = 'after_sales')
execute function refunds_match_after_sales();

-- What happens to an after-sales refund moves its request, in the same transaction: recorded or
-- sent again → 'refund_sent'; confirmed → the request is refunded; refused → 'refund_failed' (the
-- request stays refunding until staff send it again). sendRefund, the refund notify and the
-- reconciler all confirm through markRefundConfirmed, so every path ends here.
create or replace function refunds_move_after_sales() returns trigger
language plpgsql as $$
begin
  if tg_op = 'INSERT' or (old.status = 'failed' and new.status = 'pending') then
    insert into after_sales_events (request_id, type, by)
    values (new.after_sales_request_id, 'refund_sent', 'system');
  elsif old.status <> 'refunded' and new.status = 'refunded' then
    update after_sales_requests set status = 'refunded', updated_at = now()
     where id = new.after_sales_request_id and status = 'refunding';
    insert into after_sales_events (request_id, type, by)
    values (new.after_sales_request_id, 'refunded', 'system');
  elsif old.status <> 'failed' and new.status = 'failed' then
    insert into after_sales_events (request_id, type, by, note)
    values (new.after_sales_request_id, 'refund_failed', 'system', new.last_error);
  end if;
  return null;
end
$$;

create trigger refunds_move_after_sales after insert or update of status on refunds
for each row when (new.kind = 'after_sales')
execute function refunds_move_after_sales();

-- Replaces 007's seam (false until now): an order with an open request is neither received nor
-- completed by the sweeper, and 007's trigger refuses to complete it; shipping refuses it too
-- (server/orders/fulfilment.ts).
create or replace function order_has_open_after_sales(order_id text) returns boolean
language sql stable as $$
  select exists (select 1 from after_sales_requests r
                  where r.order_id = $1 and after_sales_status_is_open(r.status))
$$;
