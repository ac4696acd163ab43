-- The console's catalog edits. A product the console has changed (or created) carries
-- console_edited_at: from then on the seed file (server/catalog/seed.ts) no longer overwrites it or
-- its SKUs, nor hides it for being missing from the file.
alter table products add column console_edited_at timestamptz;

-- Every stock adjustment staff make, with its reason and the stock it left (the audit log has it
-- too; this table is the SKU's own history).
create table stock_adjustments (
  id bigserial primary key,
  sku_id text not null references skus (id),
  delta integer not null check (delta <> 0),
  reason text not null,
  staff_id bigint not null references staff (id),
  stock_after integer not null check (stock_after >= 0),
  at timestamptz not null default now()
);

create index stock_adjustments_sku_idx on stock_adjustments (sku_id, at desc);
