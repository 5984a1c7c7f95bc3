-- Offers: personalised proposals with their targeting rules, a random holdout per offer, each
-- customer's exposure (shown, or held out as the control group) and what they bought afterwards.

create table loyalty_offers (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  name text not null,
  description text not null default '',
  kind text not null check (kind in ('discount', 'product', 'perk')),
  -- rules: the offer's own items; recommendation: each customer's items come from the basket rules.
  source text not null check (source in ('rules', 'recommendation')),
  -- Targeting: every list given must hold (a list holds when the customer's value is in it).
  segments text[] not null default '{}',
  stages text[] not null default '{}',
  tiers text[] not null default '{}',
  service_tiers text[] not null default '{}',
  attributes jsonb not null default '{}',
  -- What the offer is about: a purchase of one of these converts (none: any purchase).
  items text[] not null default '{}',
  categories text[] not null default '{}',
  starts_at timestamptz not null,
  ends_at timestamptz,
  holdout_share double precision not null default 0.1 check (holdout_share >= 0 and holdout_share <= 0.5),
  conversion_window_days integer not null default 14 check (conversion_window_days between 1 and 365),
  priority integer not null default 0,
  active boolean not null default true,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (org_id, id)
);
select orientir_protect('loyalty_offers');

create table loyalty_offer_exposures (
  org_id uuid not null references orgs(id) on delete cascade,
  offer_id uuid not null,
  customer_id uuid not null,
  -- shown: the customer saw it; holdout: eligible but kept from it, the control group.
  arm text not null check (arm in ('shown', 'holdout')),
  channel text not null check (channel in ('api', 'email')),
  exposed_at timestamptz not null,
  -- For a recommendation offer: the items that were (or would have been) shown.
  items text[] not null default '{}',
  converted_at timestamptz,
  conversion_event_id text collate "C",
  -- Matching purchases within the conversion window, in the base currency's minor units.
  revenue_minor bigint not null default 0,
  purchases integer not null default 0,
  primary key (org_id, offer_id, customer_id),
  foreign key (org_id, offer_id) references loyalty_offers (org_id, id) on delete cascade,
  foreign key (org_id, customer_id) references customers (org_id, id) on delete cascade
);
create index loyalty_offer_exposures_customer on loyalty_offer_exposures (org_id, customer_id, exposed_at);
select orientir_protect('loyalty_offer_exposures');
