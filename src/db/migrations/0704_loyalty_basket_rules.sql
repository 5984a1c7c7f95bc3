-- Basket rules: item-to-item association rules mined from purchases' items ("who buys A also
-- buys c"), their mining runs and thresholds. Rules are aggregates over many baskets: they hold
-- no customer; recommendations for a customer are read from them on demand.

create table loyalty_basket_settings (
  org_id uuid not null references orgs(id) on delete cascade,
  -- Shares of baskets: an itemset must be in min_support of them; a rule A → c must hold in
  -- min_confidence of the baskets holding A.
  min_support double precision not null default 0.005 check (min_support > 0 and min_support <= 1),
  min_confidence double precision not null default 0.2 check (min_confidence > 0 and min_confidence <= 1),
  -- The most items of a rule, antecedent and consequent together.
  max_length integer not null default 3 check (max_length between 2 and 6),
  -- Purchases of the last window_days days are mined.
  window_days integer not null default 365 check (window_days between 7 and 3660),
  -- Baskets of a customer's latest purchases read for recommendations.
  recent_baskets integer not null default 5 check (recent_baskets between 1 and 50),
  updated_at timestamptz not null,
  primary key (org_id)
);
select orientir_protect('loyalty_basket_settings');

create table loyalty_basket_runs (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  status text not null check (status in ('queued', 'running', 'done', 'failed')),
  -- 'schedule' (the weekly run) or 'request' (POST …/mine, by requested_by).
  trigger text not null check (trigger in ('schedule', 'request')),
  requested_by uuid,
  -- The thresholds it ran with and what it read and found.
  min_support double precision not null,
  min_confidence double precision not null,
  max_length integer not null,
  since timestamptz not null,
  baskets integer,
  line_items bigint,
  items integer,
  rules integer,
  error text,
  created_at timestamptz not null,
  started_at timestamptz,
  finished_at timestamptz,
  primary key (org_id, id),
  foreign key (org_id, requested_by) references users (org_id, id) on delete set null (requested_by)
);
create index loyalty_basket_runs_latest on loyalty_basket_runs (org_id, created_at desc, id desc);
select orientir_protect('loyalty_basket_runs');

create table loyalty_basket_rules (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  run_id uuid not null,
  -- Item codes as purchases name them (sku, else name, else category), sorted; the shop's names beside.
  antecedent text[] not null,
  antecedent_names text[] not null,
  consequent text collate "C" not null,
  consequent_name text not null,
  -- Baskets holding antecedent and consequent, the antecedent, the consequent; all baskets mined.
  count integer not null,
  antecedent_count integer not null,
  consequent_count integer not null,
  baskets integer not null,
  support double precision not null,
  confidence double precision not null,
  lift double precision not null,
  -- The lower end of lift's 95 % interval (delta method on ln lift): the ranking key.
  lift_lower double precision not null,
  mined_at timestamptz not null,
  primary key (org_id, id),
  foreign key (org_id, run_id) references loyalty_basket_runs (org_id, id) on delete cascade
);
create index loyalty_basket_rules_rank on loyalty_basket_rules (org_id, lift_lower desc, id);
create index loyalty_basket_rules_consequent on loyalty_basket_rules (org_id, consequent);
-- Recommendations look rules up by the items a customer bought: antecedent <@ their items.
create index loyalty_basket_rules_antecedent on loyalty_basket_rules using gin (antecedent);
select orientir_protect('loyalty_basket_rules');
