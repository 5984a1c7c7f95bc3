-- Tiers of the loyalty program, their history per customer, the notices sent before a downgrade or
-- before points expire, and the rewards catalogue with its redemptions.

-- How tiers are earned and kept (one row per organization; defaults until it exists).
create table loyalty_tier_settings (
  org_id uuid not null references orgs(id) on delete cascade,
  -- points_earned: earns minus their refund reversals in the window (never the balance); spend: purchases
  -- minus refunds in the base currency, minor units.
  basis text not null default 'points_earned' check (basis in ('points_earned', 'spend')),
  window_days integer not null default 365 check (window_days between 1 and 3660),
  downgrade text not null default 'period_end' check (downgrade in ('none', 'period_end', 'one_level')),
  review_period text not null default 'year' check (review_period in ('month', 'quarter', 'year')),
  downgrade_notice_days integer not null default 14 check (downgrade_notice_days between 0 and 365),
  expiry_notice_days integer not null default 14 check (expiry_notice_days between 0 and 365),
  updated_at timestamptz not null default now(),
  primary key (org_id)
);
select orientir_protect('loyalty_tier_settings');

-- A tier: the company's own name for it, the qualification it needs and its benefits
-- ([{code, description, perkCode?}]: a perk code links a benefit to the perk analysis).
create table loyalty_tiers (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  code text collate "C" not null check (code ~ '^[a-z0-9_-]{1,40}$'),
  name text not null check (length(name) between 1 and 100),
  -- Points earned, or minor units of the base currency spent, in the window.
  threshold bigint not null check (threshold >= 0),
  benefits jsonb not null default '[]',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id),
  unique (org_id, code),
  unique (org_id, threshold)
);
select orientir_protect('loyalty_tiers');

-- Every change of a customer's tier: the profile's and the timeline's history.
create table loyalty_tier_changes (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  customer_id uuid not null,
  from_code text,
  to_code text,
  direction text not null check (direction in ('up', 'down')),
  -- What the customer qualified with when it changed.
  qualification bigint not null,
  changed_at timestamptz not null,
  primary key (org_id, id),
  foreign key (org_id, customer_id) references customers (org_id, id) on delete cascade
);
create index loyalty_tier_changes_customer on loyalty_tier_changes (org_id, customer_id, changed_at desc);
select orientir_protect('loyalty_tier_changes');

-- A notice sent to a customer, once: `ref` names what it is about (a lot, or the period end of a
-- downgrade), so a re-run of the job finds it and sends nothing twice.
create table loyalty_notices (
  org_id uuid not null references orgs(id) on delete cascade,
  customer_id uuid not null,
  kind text not null check (kind in ('points_expiring', 'tier_downgrade')),
  ref text collate "C" not null,
  sent_at timestamptz not null,
  primary key (org_id, customer_id, kind, ref),
  foreign key (org_id, customer_id) references customers (org_id, id) on delete cascade
);
select orientir_protect('loyalty_notices');

-- The rewards catalogue. stock null: unlimited; per_customer_limit per period (null: no limit).
create table loyalty_rewards (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  name text not null check (length(name) between 1 and 200),
  description text,
  points_cost bigint not null check (points_cost > 0),
  stock integer check (stock >= 0),
  per_customer_limit integer check (per_customer_limit > 0),
  limit_period text not null default 'month' check (limit_period in ('day', 'week', 'month', 'year', 'ever')),
  active_from timestamptz,
  active_to timestamptz,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id),
  check (active_from is null or active_to is null or active_from < active_to)
);
select orientir_protect('loyalty_rewards');

-- A redemption: points spent (the spend entry of the ledger) for a reward or for points alone.
create table loyalty_redemptions (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  customer_id uuid not null,
  reward_id uuid,
  points bigint not null check (points > 0),
  status text not null default 'redeemed' check (status in ('redeemed', 'cancelled')),
  spend_entry_id uuid not null,
  restore_entry_id uuid,
  -- The client's Idempotency-Key, when it sent one: a retry redeems once.
  idempotency_key text collate "C",
  redeemed_by uuid,
  redeemed_at timestamptz not null,
  cancelled_at timestamptz,
  cancel_reason text,
  primary key (org_id, id),
  foreign key (org_id, customer_id) references customers (org_id, id) on delete cascade,
  foreign key (org_id, reward_id) references loyalty_rewards (org_id, id),
  foreign key (org_id, spend_entry_id) references loyalty_entries (org_id, id),
  foreign key (org_id, restore_entry_id) references loyalty_entries (org_id, id),
  check ((status = 'cancelled') = (cancelled_at is not null))
);
create unique index loyalty_redemptions_key on loyalty_redemptions (org_id, idempotency_key)
  where idempotency_key is not null;
create index loyalty_redemptions_recent on loyalty_redemptions (org_id, redeemed_at desc, id desc);
create index loyalty_redemptions_customer on loyalty_redemptions (org_id, customer_id, redeemed_at desc);
create index loyalty_redemptions_reward on loyalty_redemptions (org_id, reward_id, customer_id, redeemed_at)
  where reward_id is not null and status = 'redeemed';
select orientir_protect('loyalty_redemptions');
