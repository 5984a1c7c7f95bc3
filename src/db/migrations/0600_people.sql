-- The inside of the company: locations, departments, teams and employees.

-- A store, branch or outlet: a dimension of feedback, cases, audits and staff, like a touchpoint.
create table locations (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  -- Short and stable: survey links and QR codes carry it (?l=<code>), imports match on it.
  code text not null check (code ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$'),
  name text not null,
  kind text not null default 'store' check (kind in ('store', 'branch', 'outlet', 'office', 'online')),
  address text not null default '',
  city text not null default '',
  country char(2),
  time_zone text not null default 'UTC',
  -- Targets per metric: {"nps": 40, "csat": 85, "ces": 5.5}
  targets jsonb not null default '{}',
  active boolean not null default true,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  unique (org_id, code)
);
select orientir_protect('locations');

create table departments (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  name text not null,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  unique (org_id, name)
);
select orientir_protect('departments');

-- One team concept across the product: the closed loop's case teams are these teams. The people
-- module owns name, department and location; the closed loop keeps its routing columns here.
alter table case_teams rename to teams;
alter table teams add column department_id uuid;
alter table teams add column location_id uuid;
alter table teams add foreign key (org_id, department_id) references departments (org_id, id) on delete set null (department_id);
alter table teams add foreign key (org_id, location_id) references locations (org_id, id) on delete set null (location_id);

create table employees (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  -- The HR system's id: imports upsert by it.
  external_id text not null,
  name text not null,
  email text,
  -- The job role (barista, cashier, agent): required courses follow it.
  job_role text not null default '',
  team_id uuid,
  department_id uuid,
  location_id uuid,
  manager_id uuid,
  -- The user account of this person, when they log in; also how cases name them as agent.
  user_id uuid,
  hired_on date,
  left_on date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id),
  unique (org_id, external_id),
  check (manager_id is null or manager_id <> id),
  foreign key (org_id, team_id) references teams (org_id, id) on delete set null (team_id),
  foreign key (org_id, department_id) references departments (org_id, id) on delete set null (department_id),
  foreign key (org_id, location_id) references locations (org_id, id) on delete set null (location_id),
  foreign key (org_id, manager_id) references employees (org_id, id) on delete set null (manager_id),
  foreign key (org_id, user_id) references users (org_id, id) on delete set null (user_id)
);
create unique index employees_user_key on employees (org_id, user_id) where user_id is not null;
create index employees_team on employees (org_id, team_id);
create index employees_manager on employees (org_id, manager_id);
select orientir_protect('employees');
