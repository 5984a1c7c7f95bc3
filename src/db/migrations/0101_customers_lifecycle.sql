-- Lifecycle stages and their history, customer signals, RFM scores, exchange rates, erasures.

-- The owner is a user of the same organization; removing the user leaves the customer unowned.
alter table customers
  add constraint customers_owner_fkey foreign key (org_id, owner_id)
  references users (org_id, id) on delete set null (owner_id);
create index customers_stage_idx on customers (org_id, lifecycle_stage);

-- Per-organization thresholds of the lifecycle rules (absent row = the defaults).
create table lifecycle_settings (
  org_id uuid not null references orgs(id) on delete cascade,
  regular_min_purchases int not null default 3 check (regular_min_purchases between 1 and 1000),
  regular_window_days int not null default 365 check (regular_window_days between 1 and 3660),
  loyal_min_nps int not null default 9 check (loyal_min_nps between 0 and 10),
  referral_window_days int not null default 365 check (referral_window_days between 1 and 3660),
  lost_after_days int not null default 180 check (lost_after_days between 1 and 3660),
  -- when set, a buyer whose modelled probability of being alive is below it is lost too
  lost_alive_below double precision check (lost_alive_below > 0 and lost_alive_below < 1),
  updated_at timestamptz not null default now(),
  primary key (org_id)
);
select orientir_protect('lifecycle_settings');

-- What other modules tell about a customer that the lifecycle rules need.
create table customer_stats (
  org_id uuid not null,
  customer_id uuid not null,
  last_nps smallint check (last_nps between 0 and 10),
  last_nps_at timestamptz,
  last_response_at timestamptz,
  alive_probability double precision check (alive_probability between 0 and 1),
  alive_probability_at timestamptz,
  primary key (org_id, customer_id),
  foreign key (org_id, customer_id) references customers (org_id, id) on delete cascade
);
select orientir_protect('customer_stats');

create table stage_changes (
  org_id uuid not null,
  id bigint generated always as identity,
  customer_id uuid not null,
  from_stage text not null,
  to_stage text not null,
  changed_at timestamptz not null,
  primary key (org_id, id),
  foreign key (org_id, customer_id) references customers (org_id, id) on delete cascade
);
create index stage_changes_time_idx on stage_changes (org_id, changed_at);
create index stage_changes_customer_idx on stage_changes (org_id, customer_id, changed_at);
select orientir_protect('stage_changes');

create table customer_rfm (
  org_id uuid not null,
  customer_id uuid not null,
  recency_days int not null,
  frequency int not null,
  monetary_minor bigint not null,
  r smallint not null check (r between 1 and 5),
  f smallint not null check (f between 1 and 5),
  m smallint not null check (m between 1 and 5),
  segment text not null,
  computed_at timestamptz not null,
  primary key (org_id, customer_id),
  foreign key (org_id, customer_id) references customers (org_id, id) on delete cascade
);
create index customer_rfm_segment_idx on customer_rfm (org_id, segment);
select orientir_protect('customer_rfm');

-- One unit of `currency` is worth `rate` units of the organization's base currency from `valid_from`
-- (a calendar day in the organization's time zone) until the next rate of that currency.
create table exchange_rates (
  org_id uuid not null references orgs(id) on delete cascade,
  currency char(3) not null,
  valid_from date not null,
  rate numeric(30, 12) not null check (rate > 0),
  created_at timestamptz not null default now(),
  primary key (org_id, currency, valid_from)
);
select orientir_protect('exchange_rates');

-- Erasures done: when, and how many records were touched; nothing that identifies the person.
create table erasures (
  org_id uuid not null references orgs(id) on delete cascade,
  id bigint generated always as identity,
  erased_at timestamptz not null,
  events_pseudonymised int not null,
  extensions_erased int not null,
  primary key (org_id, id)
);
select orientir_protect('erasures');
