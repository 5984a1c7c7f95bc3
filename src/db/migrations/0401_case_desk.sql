-- The case desk: titles rendered in the reader's language, saved queue views, canned replies.

-- A generated title as its parts ({"key": "titleResponse", "params": {...}}); null for a title a
-- person wrote, and for cases made before titles were stored this way (their text stays).
alter table cases add column title_parts jsonb;

-- Queue filters a user saved under a name; shared ones are offered to the whole organization.
-- A view saved through an API key belongs to no user and is always shared.
create table case_views (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  user_id uuid,
  name text not null,
  -- {"status": ["new"], "priority": ["high"], "owner": "me", "team": "<id>", "breached": true, "sort": "due"}
  filters jsonb not null,
  shared boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id),
  check (user_id is not null or shared),
  foreign key (org_id, user_id) references users (org_id, id) on delete cascade
);
create unique index case_views_name_key on case_views (org_id, coalesce(user_id, '00000000-0000-0000-0000-000000000000'), name);
select orientir_protect('case_views');

-- Replies an organization keeps ready, in each language it writes them in: {"en": "…", "pl": "…"}.
create table canned_replies (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  name text not null,
  texts jsonb not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id),
  unique (org_id, name)
);
select orientir_protect('canned_replies');
