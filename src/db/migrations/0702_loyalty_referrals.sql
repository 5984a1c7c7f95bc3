-- Referrals: each customer's personal code and link, the customers who came through one, and the
-- rewards both get once the referred customer's first purchase has stood for the qualifying period.

create table loyalty_referral_settings (
  org_id uuid not null references orgs(id) on delete cascade,
  -- Days the referred customer's first purchase must stand (not refunded) before both are rewarded.
  qualifying_days integer not null default 30 check (qualifying_days between 0 and 3660),
  referrer_points bigint not null default 500 check (referrer_points between 0 and 1000000000),
  referred_points bigint not null default 250 check (referred_points between 0 and 1000000000),
  -- At most this many rewarded referrals per referrer within any `cap_days` days.
  cap_count integer not null default 10 check (cap_count between 1 and 100000),
  cap_days integer not null default 365 check (cap_days between 1 and 3660),
  -- A customer known for longer than this before naming a code is an existing customer.
  new_customer_days integer not null default 30 check (new_customer_days between 0 and 3660),
  -- Where a referral link leads after its visit is recorded: the company's own site.
  landing_url text,
  updated_at timestamptz not null default now(),
  primary key (org_id)
);
select orientir_protect('loyalty_referral_settings');

create table loyalty_referral_codes (
  org_id uuid not null references orgs(id) on delete cascade,
  customer_id uuid not null,
  code text collate "C" not null,
  visits integer not null default 0,
  last_visit_at timestamptz,
  created_at timestamptz not null,
  primary key (org_id, customer_id),
  -- Unique across organizations too, so a link /ref/{code} needs no other name.
  unique (code),
  foreign key (org_id, customer_id) references customers (org_id, id) on delete cascade
);
select orientir_protect('loyalty_referral_codes');

create table loyalty_referrals (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  -- Null only when the code named no customer (a refused claim kept for the record).
  referrer_id uuid,
  referred_id uuid not null,
  code text collate "C" not null,
  source text not null check (source in ('api', 'attribute', 'event')),
  -- pending: no purchase yet; attributed: the first purchase is waiting out the qualifying period;
  -- rewarded: both got their points; refused: never counted (see reason); void: its purchase was refunded.
  status text not null check (status in ('pending', 'attributed', 'rewarded', 'refused', 'void')),
  reason text,
  claimed_at timestamptz not null,
  purchase_event_id text collate "C",
  purchase_at timestamptz,
  purchase_minor bigint,
  qualifies_at timestamptz,
  rewarded_at timestamptz,
  referrer_points bigint,
  referred_points bigint,
  referrer_entry_id uuid,
  referred_entry_id uuid,
  primary key (org_id, id),
  foreign key (org_id, referrer_id) references customers (org_id, id) on delete cascade,
  foreign key (org_id, referred_id) references customers (org_id, id) on delete cascade
);
-- A customer is referred once; refusals may pile up beside that one.
create unique index loyalty_referrals_referred_once on loyalty_referrals (org_id, referred_id)
  where status <> 'refused';
create index loyalty_referrals_referrer on loyalty_referrals (org_id, referrer_id, claimed_at);
create index loyalty_referrals_open on loyalty_referrals (org_id, status, qualifies_at)
  where status in ('pending', 'attributed');
create index loyalty_referrals_list on loyalty_referrals (org_id, claimed_at, id);
select orientir_protect('loyalty_referrals');
