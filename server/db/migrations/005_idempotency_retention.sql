-- Idempotency keys are kept for a day (server/orders/idempotency.ts): the sweeper deletes older
-- ones in batches, oldest first, through this index.
create index idempotency_keys_created_at on idempotency_keys (created_at);
