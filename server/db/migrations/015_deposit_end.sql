-- The end of a rental deposit (server/payments/deposit-end.ts). The merchant either returns it
-- (alipay.fund.auth.order.unfreeze of the whole amount) or charges part or all of it for damage
-- (alipay.trade.pay with auth_no, then an unfreeze of the rest). Each step is recorded before
-- Alipay is called, with the number that makes repeating it safe (out_trade_no,
-- out_request_no), and is done only once Alipay confirms it (notify or query). Money is fen.
--
--   frozen → returning → returned                          (return: nothing charged)
--   frozen → charging → returning → charged                (damage: charge, then the rest back)
--   frozen → charging → charged                            (damage: the whole deposit charged)
alter table deposits drop constraint deposits_status_check;
alter table deposits drop constraint deposits_check;
alter table deposits add constraint deposits_status_check check (status in (
  'awaiting_freeze', 'frozen', 'closed', 'charging', 'returning', 'returned', 'charged'
));

-- Who froze the deposit, as Alipay reported it (the freeze notify's or query's payer_user_id /
-- payer_open_id): a payment from the freeze must name this payer as its buyer.
alter table deposits add column payer_kind text check (payer_kind in ('user_id', 'open_id'));
alter table deposits add column payer_id text;
alter table deposits add constraint deposits_payer_check check ((payer_kind is null) = (payer_id is null));

-- The damage charge: requested amount, its out_trade_no, and once Alipay confirmed it, the
-- trade_no and when.
alter table deposits add column charge_fen integer check (charge_fen > 0);
alter table deposits add column charge_out_trade_no text unique;
alter table deposits add column charge_trade_no text;
alter table deposits add column charged_at timestamptz;
-- What goes back to the buyer (the deposit minus the charge), its out_request_no, and once Alipay
-- confirmed the unfreeze, when. No row when the whole deposit was charged.
alter table deposits add column unfreeze_fen integer check (unfreeze_fen > 0);
alter table deposits add column unfreeze_request_no text unique;
alter table deposits add column unfrozen_at timestamptz;

-- Each return or charge is an attempt, counted here; its numbers end in the count (<id>_P<n>,
-- <id>_U<n>: server/payments/deposit-transitions.ts). A cancelled attempt (refused, or its trade
-- closed) keeps its numbers at Alipay, which keeps a closed trade under its out_trade_no, so the
-- next attempt needs new ones; a repeat of the same attempt reuses them.
alter table deposits add column end_attempt integer not null default 0 check (end_attempt >= 0);

alter table deposits add constraint deposits_frozen_check
  check ((status in ('awaiting_freeze', 'closed')) = (frozen_at is null or auth_no is null));
alter table deposits add constraint deposits_charge_check check (
  (charge_fen is null) = (charge_out_trade_no is null)
  and charge_fen <= amount_fen
  and (charge_fen is null or charge_fen = amount_fen or unfreeze_fen is not null)
  and (charged_at is null or (charge_fen is not null and charge_trade_no is not null))
);
alter table deposits add constraint deposits_unfreeze_check check (
  (unfreeze_fen is null) = (unfreeze_request_no is null)
  and unfreeze_fen = amount_fen - coalesce(charge_fen, 0)
  and (unfrozen_at is null or unfreeze_fen is not null)
);
alter table deposits add constraint deposits_end_check check (
  case status
    when 'charging' then charge_fen is not null and charged_at is null and unfrozen_at is null
    when 'returning' then unfreeze_fen is not null and unfrozen_at is null
      and (charge_fen is null) = (charged_at is null)
    when 'returned' then charge_fen is null and unfrozen_at is not null
    when 'charged' then charged_at is not null and (unfreeze_fen is null) = (unfrozen_at is null)
    else charge_fen is null and unfreeze_fen is null
  end
);
