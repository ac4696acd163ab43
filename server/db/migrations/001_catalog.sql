-- Catalog: categories, products and their SKUs. Names and descriptions are stored per language;
-- money is integer fen; stock can never go negative (orders will decrement it).

create table categories (
  id text primary key,
  name_zh text not null,
  name_en text not null,
  sort_order integer not null,
  active boolean not null default true
);

create table products (
  id text primary key,
  category_id text not null references categories (id),
  title_zh text not null,
  title_en text not null,
  description_zh text not null,
  description_en text not null,
  -- Image file names served from /images/; the first is the main image.
  images jsonb not null,
  -- [{ "name": {"zh-CN","en"}, "values": [{ "key", "zh-CN", "en" }] }]
  options jsonb not null,
  sort_order integer not null,
  active boolean not null default true
);

create index products_category_idx on products (category_id, sort_order, id);

create table skus (
  id text primary key,
  product_id text not null references products (id),
  -- Option value keys, one per product option, in option order.
  option_keys jsonb not null,
  price_fen integer not null check (price_fen >= 0),
  stock integer not null check (stock >= 0),
  sort_order integer not null,
  active boolean not null default true
);

create index skus_product_idx on skus (product_id, sort_order);
