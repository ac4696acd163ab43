-- The merchant's order list (server/merchant/orders-repository.ts) reads every buyer's orders newest
-- first, optionally by status: the indexes of 003 start with user_id and cannot serve it.
create index orders_status_created_idx on orders (status, created_at desc, id desc);
create index orders_created_idx on orders (created_at desc, id desc);
