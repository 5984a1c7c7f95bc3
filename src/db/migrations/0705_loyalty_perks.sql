-- Perks: the benefits the company gives (free delivery, a tier perk, a discount, a reward, a goodwill
-- gesture, a taken offer), who got each and when, and the cached answer to "is it worth it?" per perk
-- and period (propensity matching and difference in differences, computed by a job).

create table loyalty_perks (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  code text collate "C" not null,
  name text not null,
  -- Where its grants come from:
  --   event:    events of type `source_ref` (default 'perk') whose data.perk is the code;
  --   reward:   redemptions of the reward `source_ref`;   tier: customers reaching the tier `source_ref`;
  --   goodwill: goodwill gestures of the kind `source_ref` (any when null);   offer: the offer `source_ref` taken.
  source text not null check (source in ('event', 'reward', 'tier', 'goodwill', 'offer')),
  source_ref text collate "C",
  -- What one grant costs the company, in the organization's base currency (minor units).
  cost_minor bigint not null check (cost_minor >= 0),
  currency text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id),
  unique (org_id, code)
);
select orientir_protect('loyalty_perks');

create table loyalty_perk_grants (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  perk_id uuid not null,
  customer_id uuid not null,
  granted_at timestamptz not null,
  -- What granted it, unique per perk so a source read twice grants once: 'event:<id>', 'redemption:<id>', ….
  origin text collate "C" not null,
  primary key (org_id, id),
  unique (org_id, perk_id, origin),
  foreign key (org_id, perk_id) references loyalty_perks (org_id, id) on delete cascade,
  foreign key (org_id, customer_id) references customers (org_id, id) on delete cascade
);
create index loyalty_perk_grants_perk on loyalty_perk_grants (org_id, perk_id, granted_at);
create index loyalty_perk_grants_customer on loyalty_perk_grants (org_id, customer_id, granted_at);
select orientir_protect('loyalty_perk_grants');

create table loyalty_perk_assessments (
  org_id uuid not null references orgs(id) on delete cascade,
  perk_id uuid not null,
  -- The period of grants assessed (local calendar days, inclusive) and the window before and after each.
  period_from date not null,
  period_to date not null,
  window_days integer not null check (window_days between 7 and 730),
  status text not null check (status in ('pending', 'ready', 'failed')),
  verdict text check (verdict in ('pays_for_itself', 'costs_more', 'not_enough_data')),
  result jsonb,
  requested_at timestamptz not null,
  computed_at timestamptz,
  primary key (org_id, perk_id, period_from, period_to, window_days),
  foreign key (org_id, perk_id) references loyalty_perks (org_id, id) on delete cascade
);
select orientir_protect('loyalty_perk_assessments');
