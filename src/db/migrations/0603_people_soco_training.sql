-- SOCO assessments (how customer- and selling-oriented a person serves), customers' rating links,
-- and training: courses, the courses each job role requires, and completions.

create table soco_customer_links (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  employee_id uuid not null,
  case_id uuid,
  customer_id uuid,
  created_by uuid,
  expires_at timestamptz not null,
  -- One use per link: set, once, by the rating it gave.
  used_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, employee_id) references employees (org_id, id) on delete cascade,
  foreign key (org_id, case_id) references cases (org_id, id) on delete set null (case_id),
  foreign key (org_id, customer_id) references customers (org_id, id) on delete set null (customer_id),
  foreign key (org_id, created_by) references users (org_id, id) on delete set null (created_by)
);
create index soco_customer_links_customer on soco_customer_links (org_id, customer_id) where customer_id is not null;
select orientir_protect('soco_customer_links');

create table soco_assessments (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  employee_id uuid not null,
  rater_kind text not null check (rater_kind in ('self', 'manager', 'customer')),
  form text not null check (form in ('full', 'short', 'customer')),
  -- The user who rated (self, manager); null for customers and API keys.
  rater_user_id uuid,
  -- The customer who rated, while they are on record (erasure clears it).
  customer_id uuid,
  case_id uuid,
  link_id uuid,
  -- {"c01": 7, "s01": 3, …}: the answers as given, 1–9.
  answers jsonb not null,
  -- Computed on entry (soco-scoring.ts): the sum of keyed values, their mean, CO and SO means, and
  -- the four dimensions' means.
  score integer not null,
  mean double precision not null,
  customer_orientation double precision not null,
  selling_orientation double precision,
  empathy double precision not null,
  personalization double precision not null,
  problem_solving double precision not null,
  feedback_openness double precision not null,
  assessed_at timestamptz not null,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  check ((rater_kind = 'customer') = (form = 'customer')),
  unique (org_id, link_id),
  foreign key (org_id, employee_id) references employees (org_id, id) on delete cascade,
  foreign key (org_id, rater_user_id) references users (org_id, id) on delete set null (rater_user_id),
  foreign key (org_id, customer_id) references customers (org_id, id) on delete set null (customer_id),
  foreign key (org_id, case_id) references cases (org_id, id) on delete set null (case_id),
  foreign key (org_id, link_id) references soco_customer_links (org_id, id) on delete set null (link_id)
);
create index soco_assessments_employee on soco_assessments (org_id, employee_id, assessed_at);
create index soco_assessments_customer on soco_assessments (org_id, customer_id) where customer_id is not null;
select orientir_protect('soco_assessments');

create table training_courses (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  -- The name in the organization's languages: {"en": "…", "pl": "…"}.
  names jsonb not null,
  -- The SOCO dimension or the service skill the course builds.
  builds text not null,
  -- How long a completion counts; null: for good.
  validity_months integer check (validity_months between 1 and 600),
  created_at timestamptz not null default now(),
  primary key (org_id, id)
);
select orientir_protect('training_courses');

create table training_requirements (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  -- An employee's job_role, as written there.
  job_role text not null,
  course_id uuid not null,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  unique (org_id, job_role, course_id),
  foreign key (org_id, course_id) references training_courses (org_id, id) on delete cascade
);
select orientir_protect('training_requirements');

create table training_completions (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  employee_id uuid not null,
  course_id uuid not null,
  -- Its expiry is completed_on + the course's validity (read with the course, so a changed validity counts).
  completed_on date not null,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  unique (org_id, employee_id, course_id, completed_on),
  foreign key (org_id, employee_id) references employees (org_id, id) on delete cascade,
  foreign key (org_id, course_id) references training_courses (org_id, id) on delete cascade
);
create index training_completions_course on training_completions (org_id, course_id);
select orientir_protect('training_completions');
