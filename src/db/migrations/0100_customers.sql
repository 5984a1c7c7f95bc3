-- Customers and their interaction events.

create table customers (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  external_id text not null,
  email text,
  phone text,
  name text,
  locale text,
  attributes jsonb not null default '{}',
  -- consent per channel, e.g. {"email": true, "sms": false}
  consent jsonb not null default '{}',
  owner_id uuid,
  lifecycle_stage text not null default 'potential'
    check (lifecycle_stage in ('potential', 'visitor', 'buyer', 'regular', 'loyal', 'lost')),
  stage_changed_at timestamptz,
  service_tier text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  erased_at timestamptz,
  primary key (org_id, id),
  unique (org_id, external_id)
);
select orientir_protect('customers');

create table events (
  org_id uuid not null references orgs(id) on delete cascade,
  -- the client's event id (retries are skipped), or a generated one
  id text not null,
  customer_id uuid not null,
  type text not null,
  occurred_at timestamptz not null,
  amount_minor bigint,
  currency char(3),
  -- the amount converted to the organization's base currency
  amount_base_minor bigint,
  channel text,
  touchpoint text,
  data jsonb not null default '{}',
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, customer_id) references customers (org_id, id) on delete cascade
);
create index events_customer_idx on events (org_id, customer_id, occurred_at);
select orientir_protect('events');
