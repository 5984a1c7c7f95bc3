-- Customer value: model fits, per-customer scores, settings and the service-tier history.

-- Per-organization settings of the value engine (absent row = the defaults of value/settings.ts).
create table value_settings (
  org_id uuid not null references orgs(id) on delete cascade,
  model text not null check (model in ('bgnbd', 'paretoNbd')),
  horizon_months int not null check (horizon_months between 1 and 120),
  annual_discount_rate double precision not null check (annual_discount_rate between 0 and 1),
  margin double precision not null check (margin between 0 and 1),
  cost_per_order_minor bigint not null check (cost_per_order_minor >= 0),
  cost_per_contact_minor bigint not null check (cost_per_contact_minor >= 0),
  cost_per_case_hour_minor bigint not null check (cost_per_case_hour_minor >= 0),
  tier_rule jsonb not null,
  updated_at timestamptz not null default now(),
  primary key (org_id)
);
select orientir_protect('value_settings');

-- Every fit: its calibration end, time unit and the full report (parameters, errors, holdout).
create table value_fits (
  org_id uuid not null references orgs(id) on delete cascade,
  id bigint generated always as identity,
  until date not null,
  time_unit text not null check (time_unit in ('week', 'day')),
  report jsonb not null,
  fitted_at timestamptz not null,
  primary key (org_id, id)
);
create index value_fits_latest_idx on value_fits (org_id, fitted_at desc, id desc);
select orientir_protect('value_fits');

-- The latest score of each customer with purchases; money in minor units of the base currency.
create table customer_values (
  org_id uuid not null,
  customer_id uuid not null,
  fit_id bigint not null,
  p_alive double precision not null check (p_alive between 0 and 1),
  expected_purchases double precision not null,
  expected_spend_minor bigint not null,
  clv_minor bigint not null,
  cost_to_serve_minor bigint not null,
  profitability_minor bigint not null,
  tier text not null,
  scored_at timestamptz not null,
  primary key (org_id, customer_id),
  foreign key (org_id, customer_id) references customers (org_id, id) on delete cascade,
  foreign key (org_id, fit_id) references value_fits (org_id, id) on delete cascade
);
create index customer_values_clv_idx on customer_values (org_id, clv_minor, customer_id);
create index customer_values_profitability_idx on customer_values (org_id, profitability_minor, customer_id);
create index customer_values_tier_idx on customer_values (org_id, tier);
select orientir_protect('customer_values');

-- Every change of a customer's service tier made by scoring (from_tier null: first tier).
create table tier_changes (
  org_id uuid not null,
  id bigint generated always as identity,
  customer_id uuid not null,
  from_tier text,
  to_tier text not null,
  changed_at timestamptz not null,
  primary key (org_id, id),
  foreign key (org_id, customer_id) references customers (org_id, id) on delete cascade
);
create index tier_changes_customer_idx on tier_changes (org_id, customer_id, changed_at);
select orientir_protect('tier_changes');

-- Scores of one scoring run on their way in: COPY fills it, one INSERT … SELECT moves them to
-- customer_values and the run's rows are deleted in the same transaction. No row-level security
-- here: PostgreSQL refuses COPY FROM into a table with it (for anyone but a superuser); every
-- read names the organization and the run, and nothing outlives the run.
create unlogged table customer_value_staging (
  run_id uuid not null,
  org_id uuid not null,
  customer_id uuid not null,
  p_alive double precision not null,
  expected_purchases double precision not null,
  expected_spend_minor bigint not null,
  clv_minor bigint not null,
  cost_to_serve_minor bigint not null,
  profitability_minor bigint not null,
  tier text not null,
  staged_at timestamptz not null default now()
);
create index customer_value_staging_run_idx on customer_value_staging (run_id);
