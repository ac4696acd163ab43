-- A web-view ticket belongs to the buyer's session that minted it: when the session ends (logout,
-- or its expiry and deletion by the sweeper) its tickets go with it. Tickets minted before this
-- migration name no session; they live five minutes anyway, so they are dropped (a buyer whose
-- open checkout page stops working taps Pay again).
delete from webview_tickets;

alter table webview_tickets
  add column session_hash text not null references sessions (token_hash) on delete cascade;

create index webview_tickets_session_idx on webview_tickets (session_hash);
