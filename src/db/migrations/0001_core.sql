-- Platform core: organizations, people, credentials, idempotency, jobs.

-- Every tenant table gets the same two policies: the app role sees its organization's
-- rows only (an unset organization matches nothing), the system role sees all.
create or replace function orientir_protect(tbl regclass, org_column text default 'org_id') returns void
language plpgsql as $$
begin
  execute format('alter table %s enable row level security', tbl);
  execute format('alter table %s force row level security', tbl);
  execute format(
    'create policy tenant_isolation on %s to orientir_app using (%I = nullif(current_setting(''app.org_id'', true), '''')::uuid) with check (%I = nullif(current_setting(''app.org_id'', true), '''')::uuid)',
    tbl, org_column, org_column);
  execute format('create policy system_access on %s to orientir_system using (true) with check (true)', tbl);
end $$;

-- Instance tables that belong to no organization: only the system role reaches them.
create or replace function orientir_protect_system(tbl regclass) returns void
language plpgsql as $$
begin
  execute format('alter table %s enable row level security', tbl);
  execute format('alter table %s force row level security', tbl);
  execute format('create policy system_access on %s to orientir_system using (true) with check (true)', tbl);
end $$;

create table orgs (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name text not null,
  base_currency char(3) not null default 'EUR',
  time_zone text not null default 'UTC',
  default_locale text not null default 'en',
  settings jsonb not null default '{}',
  widget_secret text not null,
  created_at timestamptz not null default now()
);
select orientir_protect('orgs', 'id');

create table users (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  email text not null,
  name text not null default '',
  role text not null check (role in ('owner', 'admin', 'manager', 'agent', 'analyst', 'viewer')),
  password_hash text not null,
  locale text not null default 'en',
  team text,
  created_at timestamptz not null default now(),
  disabled_at timestamptz,
  primary key (org_id, id)
);
-- One login per e-mail address across the instance: login needs no organization picker.
create unique index users_email_key on users (lower(email));
select orientir_protect('users');

create table sessions (
  org_id uuid not null,
  id text not null, -- sha-256 of the cookie value; the value itself is never stored
  user_id uuid not null,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  primary key (org_id, id),
  foreign key (org_id, user_id) references users (org_id, id) on delete cascade
);
create unique index sessions_id_key on sessions (id);
select orientir_protect('sessions');

create table api_keys (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  name text not null,
  prefix text not null,
  key_hash text not null,
  scopes text[] not null,
  created_by uuid,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  primary key (org_id, id)
);
create unique index api_keys_hash_key on api_keys (key_hash);
select orientir_protect('api_keys');

create table idempotency_keys (
  org_id uuid not null references orgs(id) on delete cascade,
  key text not null,
  method text not null,
  path text not null,
  body_hash text not null,
  state text not null check (state in ('pending', 'done')),
  status_code int,
  response text,
  created_at timestamptz not null default now(),
  primary key (org_id, key)
);
select orientir_protect('idempotency_keys');

-- Failed logins per hashed e-mail: brute-force protection shared by every process.
create table login_throttle (
  key text primary key,
  failures int not null,
  window_start timestamptz not null,
  locked_until timestamptz
);
select orientir_protect_system('login_throttle');

-- The durable job queue. A system table: org_id is a column, not part of the key,
-- because instance-wide jobs have none.
create table jobs (
  id bigint generated always as identity primary key,
  org_id uuid references orgs(id) on delete cascade,
  name text not null,
  payload jsonb not null default '{}',
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  run_at timestamptz not null default now(),
  attempts int not null default 0,
  max_attempts int not null default 5,
  locked_until timestamptz,
  last_error text,
  dedupe_key text,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index jobs_due_idx on jobs (run_at) where status in ('queued', 'running');
create unique index jobs_dedupe_key on jobs (dedupe_key) where dedupe_key is not null;
select orientir_protect('jobs');

create table job_schedules (
  name text primary key,
  interval_seconds int not null check (interval_seconds > 0),
  next_run_at timestamptz not null
);
select orientir_protect_system('job_schedules');
