-- When the shop last asked Alipay about an order's trade (alipay.trade.query) or a deposit's
-- freeze (alipay.fund.auth.operation.detail.query) on a buyer's read, so that reads ask at most
-- once per ALIPAY_QUERY_INTERVAL_MS whichever instance serves them, and back off while Alipay
-- fails (server/payments/query-throttle.ts). One small row per order or deposit read while unpaid.
create table alipay_queries (
  kind text not null check (kind in ('order', 'deposit')),
  -- The order id (out_trade_no) or the deposit id (out_order_no).
  subject_id text not null,
  -- When a reader last won the right to ask.
  queried_at timestamptz not null,
  -- No reader asks again before this (the interval, longer after failures).
  not_before timestamptz not null,
  -- Failed asks in a row; reset by an answer.
  failures integer not null default 0 check (failures >= 0),
  primary key (kind, subject_id)
);
