-- Goodwill: gestures agents grant a customer (refund, gift, service) within a budget per service
-- tier and period; each grant is recorded on its case and counts in the customer's cost to serve.

create table goodwill_budgets (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  -- The customer's service tier (the value module's tiers: standard, priority, premium, …).
  tier text not null,
  period text not null check (period in ('month', 'quarter', 'year')),
  -- In the organization's base currency, minor units: everything granted to customers of the tier
  -- in one period, and (optionally) to any one customer.
  pool_minor bigint not null check (pool_minor >= 0),
  per_customer_minor bigint check (per_customer_minor >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id),
  unique (org_id, tier)
);
select orientir_protect('goodwill_budgets');

create table goodwill_grants (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  case_id uuid not null,
  customer_id uuid not null,
  -- The tier and budget period the grant was counted in (the first day of the period, local).
  tier text not null,
  period_start date not null,
  kind text not null check (kind in ('refund', 'gift', 'service')),
  amount_minor bigint not null check (amount_minor > 0),
  note text,
  granted_by uuid,
  granted_at timestamptz not null,
  primary key (org_id, id),
  foreign key (org_id, case_id) references cases (org_id, id) on delete cascade,
  foreign key (org_id, customer_id) references customers (org_id, id) on delete cascade,
  foreign key (org_id, granted_by) references users (org_id, id) on delete set null (granted_by)
);
create index goodwill_grants_period on goodwill_grants (org_id, tier, period_start);
create index goodwill_grants_customer on goodwill_grants (org_id, customer_id, granted_at);
select orientir_protect('goodwill_grants');
