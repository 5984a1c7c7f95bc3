-- Service audits and mystery shopping: checklists per location or channel, visits, answers, photos.

-- A checklist's items (service, aesthetic and ethical components), each with its text in the
-- organization's languages, a weight and a critical flag. Editing the items raises the version;
-- a visit keeps the items it was scored on, so past scores never change.
create table audit_checklists (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  name text not null,
  location_id uuid,
  channel text,
  items jsonb not null,
  version integer not null default 1,
  -- Who owns a corrective action when the location's team has no manager, and how many days it gets.
  owner_id uuid,
  due_days integer not null default 7 check (due_days between 1 and 365),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id),
  unique (org_id, name),
  foreign key (org_id, location_id) references locations (org_id, id) on delete set null (location_id),
  foreign key (org_id, owner_id) references users (org_id, id) on delete set null (owner_id)
);
select orientir_protect('audit_checklists');

create table audit_visits (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  checklist_id uuid not null,
  checklist_version integer not null,
  -- The checklist's items as they were when the visit was planned.
  items jsonb not null,
  location_id uuid not null,
  kind text not null check (kind in ('auditor', 'shopper')),
  auditor_id uuid,
  shopper_name text,
  locale text not null default 'en' check (locale in ('en', 'pl', 'cs', 'ru')),
  status text not null default 'scheduled' check (status in ('scheduled', 'done')),
  scheduled_at timestamptz not null,
  done_at timestamptz,
  -- Signs this visit's mystery-shopper links; another visit's link never verifies against it.
  secret text not null,
  score numeric(5, 2),
  component_scores jsonb not null default '{}',
  failed boolean,
  case_id uuid,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, checklist_id) references audit_checklists (org_id, id),
  foreign key (org_id, location_id) references locations (org_id, id),
  foreign key (org_id, auditor_id) references users (org_id, id) on delete set null (auditor_id),
  foreign key (org_id, case_id) references cases (org_id, id) on delete set null (case_id)
);
create index audit_visits_location on audit_visits (org_id, location_id, done_at);
create index audit_visits_order on audit_visits (org_id, scheduled_at desc, id desc);
select orientir_protect('audit_visits');

create table audit_answers (
  org_id uuid not null references orgs(id) on delete cascade,
  visit_id uuid not null,
  item_id text collate "C" not null,
  result text not null check (result in ('pass', 'fail', 'na')),
  note text,
  primary key (org_id, visit_id, item_id),
  foreign key (org_id, visit_id) references audit_visits (org_id, id) on delete cascade
);
select orientir_protect('audit_answers');

create table audit_photos (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  visit_id uuid not null,
  item_id text collate "C",
  content_type text not null check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
  size integer not null check (size > 0 and size <= 5242880),
  data bytea not null,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, visit_id) references audit_visits (org_id, id) on delete cascade
);
create index audit_photos_visit on audit_photos (org_id, visit_id);
select orientir_protect('audit_photos');
