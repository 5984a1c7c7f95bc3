-- The points ledger: an account per customer, lots (each earn is a lot with what is left of it, its
-- expiry and an optional lock), append-only entries (every movement, with its reason and source) and
-- the links between entries and the lots they take from or give to. The program's settings, its earn
-- rules and the nightly invariant check's reports.
--
-- Invariant (checked nightly, loyalty_invariant_runs):
--   account.balance = Σ entries.points = Σ lots.remaining − account.debt, every lot 0 ≤ remaining ≤ amount,
--   lot.remaining = Σ entry_lots.points of the lot, entry.points = Σ entry_lots.points of the entry + entry.debt_points.
-- `debt` is what a refund took back beyond what was left of its purchase's points (they were spent): the
-- balance goes negative by it; later earns pay it off first.

create table loyalty_programs (
  org_id uuid not null references orgs(id) on delete cascade,
  active boolean not null default false,
  -- never | days_after_earning | end_of_month | end_of_year (local to the organization's time zone)
  expiry text not null default 'never'
    check (expiry in ('never', 'days_after_earning', 'end_of_month', 'end_of_year')),
  expiry_days integer check (expiry_days between 1 and 3650),
  -- negative_balance: a refund of spent points takes the balance below zero; forfeit: only what is left comes back
  refund_when_spent text not null default 'negative_balance' check (refund_when_spent in ('negative_balance', 'forfeit')),
  updated_at timestamptz not null default now(),
  primary key (org_id),
  check (expiry <> 'days_after_earning' or expiry_days is not null)
);
select orientir_protect('loyalty_programs');

create table loyalty_accounts (
  org_id uuid not null references orgs(id) on delete cascade,
  customer_id uuid not null,
  balance bigint not null default 0,
  -- Points earned over the account's life (earns minus their refund reversals): tiers read it, not the balance.
  earned_total bigint not null default 0,
  debt bigint not null default 0 check (debt >= 0),
  tier_code text,
  tier_since timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, customer_id),
  foreign key (org_id, customer_id) references customers (org_id, id) on delete cascade
);
select orientir_protect('loyalty_accounts');

create table loyalty_entries (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  customer_id uuid not null,
  kind text not null check (kind in ('earn', 'spend', 'expire', 'refund', 'adjust', 'restore')),
  points bigint not null check (points <> 0),
  -- The part of `points` that moved the account's debt instead of a lot (negative: debt taken on).
  debt_points bigint not null default 0,
  reason text not null check (length(reason) between 1 and 500),
  source_kind text not null check (source_kind ~ '^[a-z][a-z_]{0,39}$'),
  -- The event id, rule id, redemption id, referral id… the entry came from (text: event ids are the client's).
  source_id text collate "C",
  -- The user of a manual adjustment.
  user_id uuid,
  -- The amount (base currency, minor units) an earn was computed on; a refund's share of it.
  amount_minor bigint,
  -- A refund names the earn it reverses, a restore the spend.
  reverses_entry_id uuid,
  occurred_at timestamptz not null,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, customer_id) references customers (org_id, id) on delete cascade,
  foreign key (org_id, user_id) references users (org_id, id) on delete set null (user_id),
  foreign key (org_id, reverses_entry_id) references loyalty_entries (org_id, id)
);
create index loyalty_entries_customer on loyalty_entries (org_id, customer_id, created_at desc, id desc);
-- An event earns once, is refunded once; a spend is restored once.
create unique index loyalty_entries_source on loyalty_entries (org_id, source_kind, source_id, kind)
  where source_kind = 'event';
create unique index loyalty_entries_restore on loyalty_entries (org_id, reverses_entry_id)
  where kind = 'restore';
select orientir_protect('loyalty_entries');

create table loyalty_lots (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  customer_id uuid not null,
  -- The earn (or restore, or positive adjustment) that made the lot.
  entry_id uuid not null,
  amount bigint not null check (amount > 0),
  remaining bigint not null check (remaining >= 0 and remaining <= amount),
  earned_at timestamptz not null,
  expires_at timestamptz,
  locked_until timestamptz,
  primary key (org_id, id),
  unique (org_id, entry_id),
  foreign key (org_id, customer_id) references customers (org_id, id) on delete cascade,
  foreign key (org_id, entry_id) references loyalty_entries (org_id, id)
);
-- What a spend reads: the customer's lots with points left, soonest expiry first.
create index loyalty_lots_open on loyalty_lots (org_id, customer_id, expires_at nulls last, earned_at)
  where remaining > 0;
-- What the expiry job reads.
create index loyalty_lots_expiring on loyalty_lots (org_id, expires_at) where remaining > 0 and expires_at is not null;
select orientir_protect('loyalty_lots');

create table loyalty_entry_lots (
  org_id uuid not null references orgs(id) on delete cascade,
  entry_id uuid not null,
  lot_id uuid not null,
  -- Signed: what the entry gave to (+) or took from (−) the lot.
  points bigint not null check (points <> 0),
  primary key (org_id, entry_id, lot_id),
  foreign key (org_id, entry_id) references loyalty_entries (org_id, id) on delete cascade,
  foreign key (org_id, lot_id) references loyalty_lots (org_id, id) on delete cascade
);
create index loyalty_entry_lots_lot on loyalty_entry_lots (org_id, lot_id);
select orientir_protect('loyalty_entry_lots');

-- Entries and their links are append-only: the application's roles can neither delete them nor
-- change what they say. Erasure may blank an entry's reason and source id (personal data); rows
-- removed by a cascade (the customer or organization deleted) are deleted as the table owner.
create or replace function loyalty_entries_append_only() returns trigger
language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    if current_user in ('orientir_app', 'orientir_system') then
      raise exception 'loyalty entries are append-only' using errcode = '42501';
    end if;
    return old;
  end if;
  if new.org_id is distinct from old.org_id or new.id is distinct from old.id
     or new.customer_id is distinct from old.customer_id or new.kind is distinct from old.kind
     or new.points is distinct from old.points or new.debt_points is distinct from old.debt_points
     or new.amount_minor is distinct from old.amount_minor
     or new.reverses_entry_id is distinct from old.reverses_entry_id
     or new.occurred_at is distinct from old.occurred_at or new.created_at is distinct from old.created_at
     or new.source_kind is distinct from old.source_kind then
    raise exception 'loyalty entries are append-only' using errcode = '42501';
  end if;
  return new;
end $$;
create trigger loyalty_entries_append_only before update or delete on loyalty_entries
  for each row execute function loyalty_entries_append_only();

create or replace function loyalty_entry_lots_append_only() returns trigger
language plpgsql as $$
begin
  if tg_op = 'DELETE' and current_user not in ('orientir_app', 'orientir_system') then
    return old;
  end if;
  raise exception 'loyalty entry links are append-only' using errcode = '42501';
end $$;
create trigger loyalty_entry_lots_append_only before update or delete on loyalty_entry_lots
  for each row execute function loyalty_entry_lots_append_only();

-- A lot's amount, owner and dates never change; only what is left of it does (and its lock).
create or replace function loyalty_lots_guard() returns trigger
language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    if current_user in ('orientir_app', 'orientir_system') then
      raise exception 'loyalty lots are kept' using errcode = '42501';
    end if;
    return old;
  end if;
  if new.org_id is distinct from old.org_id or new.id is distinct from old.id
     or new.customer_id is distinct from old.customer_id or new.entry_id is distinct from old.entry_id
     or new.amount is distinct from old.amount or new.earned_at is distinct from old.earned_at
     or new.expires_at is distinct from old.expires_at then
    raise exception 'only what is left of a lot changes' using errcode = '42501';
  end if;
  return new;
end $$;
create trigger loyalty_lots_guard before update or delete on loyalty_lots
  for each row execute function loyalty_lots_guard();

create table loyalty_earn_rules (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  name text not null check (length(name) between 1 and 200),
  kind text not null check (kind in ('amount', 'category', 'item', 'referral', 'tier_multiplier', 'campaign')),
  active boolean not null default true,
  -- amount, category, item: points per major unit of the base currency spent (of the matching lines).
  points_per_unit double precision check (points_per_unit >= 0),
  -- category, item: points per unit bought of the matching lines.
  points_per_item integer check (points_per_item >= 0),
  -- referral: points per referral event; campaign: a bonus per purchase within its dates.
  points integer check (points >= 0),
  -- tier_multiplier, campaign: the earned points are multiplied by it.
  multiplier double precision check (multiplier > 0),
  -- category: the category; item: the sku.
  match text,
  tier_code text,
  valid_from timestamptz,
  valid_to timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id),
  check (valid_from is null or valid_to is null or valid_from < valid_to)
);
select orientir_protect('loyalty_earn_rules');

create table loyalty_invariant_runs (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  ran_at timestamptz not null,
  accounts_checked integer not null,
  -- [{customerId, balance, entriesSum, lotsRemaining, debt, negativeLots}]: the first breaks found.
  breaks jsonb not null default '[]',
  break_count integer not null default 0,
  primary key (org_id, id)
);
create index loyalty_invariant_runs_latest on loyalty_invariant_runs (org_id, ran_at desc);
select orientir_protect('loyalty_invariant_runs');
