-- Internal clients: departments rate each other's service in rounds, anonymously.

-- The topics of customer feedback a department answers for (topic keys of the taxonomy), so its
-- internal ratings are read beside what customers complain about in its area.
alter table departments add column topics text[] not null default '{}';

-- One round: who rates whom, until when, and how many links went out.
create table internal_rounds (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  name text not null,
  created_at timestamptz not null,
  closes_at timestamptz not null,
  links int not null,
  emailed int not null default 0,
  primary key (org_id, id)
);
create index internal_rounds_created_idx on internal_rounds (org_id, created_at desc);
select orientir_protect('internal_rounds');

-- The pairs of a round: the rater department rates the rated department's service.
create table internal_round_pairs (
  org_id uuid not null references orgs(id) on delete cascade,
  round_id uuid not null,
  rater_department_id uuid not null,
  rated_department_id uuid not null,
  primary key (org_id, round_id, rater_department_id, rated_department_id),
  check (rater_department_id <> rated_department_id),
  foreign key (org_id, round_id) references internal_rounds (org_id, id) on delete cascade,
  foreign key (org_id, rater_department_id) references departments (org_id, id) on delete cascade,
  foreign key (org_id, rated_department_id) references departments (org_id, id) on delete cascade
);
select orientir_protect('internal_round_pairs');

-- One one-time link: its round and the department of the person it went to, never the person;
-- the token only as its hash.
create table internal_links (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  round_id uuid not null,
  rater_department_id uuid not null,
  token_hash text not null unique,
  used_at timestamptz,
  primary key (org_id, id),
  foreign key (org_id, round_id) references internal_rounds (org_id, id) on delete cascade,
  foreign key (org_id, rater_department_id) references departments (org_id, id) on delete cascade
);
create index internal_links_round_idx on internal_links (org_id, round_id);
select orientir_protect('internal_links');

-- One rating of a department's service by a person of another department: no person is kept.
create table internal_answers (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  round_id uuid not null,
  rater_department_id uuid not null,
  rated_department_id uuid not null,
  answered_at timestamptz not null,
  nps int not null check (nps between 0 and 10),
  csat int not null check (csat between 1 and 5),
  comment text check (length(comment) <= 2000),
  primary key (org_id, id),
  foreign key (org_id, round_id) references internal_rounds (org_id, id) on delete cascade,
  foreign key (org_id, rater_department_id) references departments (org_id, id) on delete cascade,
  foreign key (org_id, rated_department_id) references departments (org_id, id) on delete cascade
);
create index internal_answers_time_idx on internal_answers (org_id, answered_at);
select orientir_protect('internal_answers');
