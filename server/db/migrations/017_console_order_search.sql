-- The console finds an order by the phone of its address, exactly (server/merchant/orders-repository.ts).
-- The order number is the primary key and an Alipay trade_no is payments' unique key already.
create index orders_address_phone_idx on orders ((address->>'phone'));
