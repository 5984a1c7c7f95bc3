-- eNPS pulses of an employees survey, anonymous by construction.

-- Per survey: its anonymity settings (locked once it has its first answer) and its schedule.
create table pulse_settings (
  org_id uuid not null references orgs(id) on delete cascade,
  survey_id uuid not null,
  -- Overrides the organization's anonymity threshold for this survey; never below 3.
  anonymity_threshold int check (anonymity_threshold between 3 and 1000),
  breakdowns text[] not null default '{team,department,location,month}',
  -- Repeats every N weeks, when set; each round asks the eNPS question and a rotating subset.
  every_weeks int check (every_weeks between 1 and 52),
  questions_per_round int not null default 2 check (questions_per_round between 0 and 50),
  filters jsonb not null default '{}',
  next_round_at timestamptz,
  rounds int not null default 0,
  updated_at timestamptz not null default now(),
  primary key (org_id, survey_id),
  foreign key (org_id, survey_id) references surveys (org_id, id) on delete cascade
);
create index pulse_settings_due_idx on pulse_settings (next_round_at) where next_round_at is not null;
select orientir_protect('pulse_settings');

-- One sending of a pulse: which questions it asked and how many links went out.
create table pulse_rounds (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  survey_id uuid not null,
  question_ids text[] not null,
  filters jsonb not null default '{}',
  links int not null,
  emailed int not null,
  sent_at timestamptz not null,
  expires_at timestamptz not null,
  primary key (org_id, id),
  foreign key (org_id, survey_id) references surveys (org_id, id) on delete cascade
);
select orientir_protect('pulse_rounds');

-- One personal link. It knows the team, department and location of its employee at sending time,
-- never the employee; once answered it is marked used, and nothing records which answer it gave.
create table pulse_links (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  round_id uuid not null,
  token_hash text not null unique,
  team_id uuid,
  department_id uuid,
  location_id uuid,
  used boolean not null default false,
  primary key (org_id, id),
  foreign key (org_id, round_id) references pulse_rounds (org_id, id) on delete cascade
);
select orientir_protect('pulse_links');
