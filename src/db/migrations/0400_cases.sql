-- The closed loop: settings, teams, rules, SLA policies, cases, their links, timeline and escalations.

create table case_settings (
  org_id uuid not null references orgs(id) on delete cascade,
  -- null: the organization's own time zone
  time_zone text,
  -- {"mon": [["09:00", "17:00"]], ..., "sun": []}
  working_hours jsonb not null,
  -- local dates without work: ["2026-12-25", ...]
  holidays jsonb not null default '[]',
  -- the share of an SLA target at which the owner is warned
  warn_share real not null default 0.75 check (warn_share > 0 and warn_share < 1),
  default_team_id uuid,
  -- root-cause taxonomy: [{"key": "delivery", "name": "Late delivery"}]
  root_causes jsonb not null default '[]',
  -- text topics for rules: [{"key": "billing", "keywords": ["invoice", "faktura"]}]
  topics jsonb not null default '[]',
  follow_up boolean not null default true,
  updated_at timestamptz not null default now(),
  primary key (org_id)
);
select orientir_protect('case_settings');

-- Team settings of the closed loop; members are the users whose `team` is this name.
create table case_teams (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  name text not null,
  manager_id uuid,
  default_capacity int not null default 20 check (default_capacity >= 0),
  -- open-case capacity per member: {"<user id>": 5}
  member_capacity jsonb not null default '{}',
  -- round-robin position: the member who got the last case
  last_assignee_id uuid,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  unique (org_id, name)
);
select orientir_protect('case_teams');

create table case_rules (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  name text not null,
  enabled boolean not null default true,
  position int not null default 100,
  trigger text not null check (trigger in ('response', 'event')),
  conditions jsonb not null default '{}',
  priority text not null check (priority in ('low', 'normal', 'high', 'urgent')),
  team_id uuid,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, team_id) references case_teams (org_id, id) on delete set null (team_id)
);
select orientir_protect('case_rules');

create table sla_policies (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  tier text not null,
  priority text not null check (priority in ('low', 'normal', 'high', 'urgent')),
  -- business minutes by the organization's calendar
  first_response_minutes int not null check (first_response_minutes > 0),
  resolution_minutes int not null check (resolution_minutes > 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id),
  unique (org_id, tier, priority)
);
select orientir_protect('sla_policies');

create table cases (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  title text not null,
  description text,
  status text not null default 'new'
    check (status in ('new', 'in_progress', 'waiting_customer', 'resolved', 'closed')),
  priority text not null check (priority in ('low', 'normal', 'high', 'urgent')),
  source text not null check (source in ('rule', 'manual', 'api')),
  rule_id uuid,
  customer_id uuid,
  response_id uuid,
  event_id text,
  owner_id uuid,
  team_id uuid,
  tier text not null,
  first_response_minutes int not null,
  resolution_minutes int not null,
  first_response_warn_at timestamptz not null,
  first_response_due_at timestamptz not null,
  resolution_warn_at timestamptz not null,
  resolution_due_at timestamptz not null,
  -- when the current cycle's clock started: creation, then each reopening
  cycle_started_at timestamptz not null,
  -- set while waiting for the customer: the SLA clock stands still
  paused_at timestamptz,
  -- business minutes spent waiting for the customer in the current cycle
  paused_minutes real not null default 0,
  first_responded_at timestamptz,
  first_response_business_minutes real,
  resolved_at timestamptz,
  resolution_business_minutes real,
  closed_at timestamptz,
  -- 1, then +1 at every reopening; escalations happen once per cycle
  cycle int not null default 1,
  -- +1 whenever due times move; escalation jobs of an older version do nothing
  sla_version int not null default 1,
  root_cause text,
  outcome text,
  next_due_at timestamptz generated always as (
    case when status in ('resolved', 'closed') then null
         when first_responded_at is null then first_response_due_at
         else resolution_due_at end
  ) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, team_id) references case_teams (org_id, id) on delete set null (team_id)
);
create index cases_due_idx on cases (org_id, next_due_at, id);
create index cases_created_idx on cases (org_id, created_at);
create index cases_open_customer_idx on cases (org_id, customer_id) where status not in ('resolved', 'closed');
select orientir_protect('cases');

-- What fed a case: each response or event reaches at most one case.
create table case_links (
  org_id uuid not null references orgs(id) on delete cascade,
  source_key text not null, -- 'response:<id>' | 'event:<id>'
  case_id uuid not null,
  kind text not null check (kind in ('response', 'event')),
  occurred_at timestamptz not null,
  created_at timestamptz not null default now(),
  primary key (org_id, source_key),
  foreign key (org_id, case_id) references cases (org_id, id) on delete cascade
);
create index case_links_case_idx on case_links (org_id, case_id);
create index case_links_time_idx on case_links (org_id, kind, occurred_at);
select orientir_protect('case_links');

create table case_timeline (
  org_id uuid not null references orgs(id) on delete cascade,
  id bigint generated always as identity,
  case_id uuid not null,
  kind text not null,
  author_id uuid,
  text text,
  data jsonb not null default '{}',
  at timestamptz not null,
  primary key (org_id, id),
  foreign key (org_id, case_id) references cases (org_id, id) on delete cascade
);
create index case_timeline_case_idx on case_timeline (org_id, case_id, id);
select orientir_protect('case_timeline');

-- Each warning and escalation of a case happens once per cycle: the key is the proof.
create table case_escalations (
  org_id uuid not null references orgs(id) on delete cascade,
  case_id uuid not null,
  kind text not null
    check (kind in ('first_response_warning', 'first_response_breach', 'resolution_warning', 'resolution_breach')),
  cycle int not null,
  at timestamptz not null,
  primary key (org_id, case_id, kind, cycle),
  foreign key (org_id, case_id) references cases (org_id, id) on delete cascade
);
select orientir_protect('case_escalations');
