-- Surveys, their versions and triggers, responses, invitations, contact history, opt-outs.

-- An instance secret for signing survey links when ORIENTIR_SECRET is unset; made on first use.
create table instance_secrets (
  name text primary key,
  value text not null,
  created_at timestamptz not null default now()
);
select orientir_protect_system('instance_secrets');

create table surveys (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  -- the id in public addresses (/s/{public_id}, the widget): unique across the instance
  public_id text not null unique,
  name text not null,
  audience text not null check (audience in ('customers', 'employees', 'internal')),
  status text not null check (status in ('draft', 'active', 'closed')),
  default_locale text not null,
  current_version int not null default 1,
  touchpoints text[] not null default '{}',
  channels text[] not null default '{}',
  -- per-locale texts shown around the questions: {intro: {en: ...}, thanks: {en: ...}}
  texts jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id)
);
create index surveys_list_idx on surveys (org_id, created_at, id);
select orientir_protect('surveys');

-- Questions per version: editing a survey that has responses adds a version.
create table survey_versions (
  org_id uuid not null,
  survey_id uuid not null,
  version int not null,
  questions jsonb not null,
  created_at timestamptz not null default now(),
  primary key (org_id, survey_id, version),
  foreign key (org_id, survey_id) references surveys (org_id, id) on delete cascade
);
select orientir_protect('survey_versions');

create table survey_triggers (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  survey_id uuid not null,
  event_type text not null,
  delay_minutes int not null check (delay_minutes >= 0),
  channel text not null check (channel in ('email')),
  primary key (org_id, id),
  foreign key (org_id, survey_id) references surveys (org_id, id) on delete cascade
);
create index survey_triggers_event_idx on survey_triggers (org_id, event_type);
select orientir_protect('survey_triggers');

create table survey_invitations (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  survey_id uuid not null,
  customer_id uuid,
  channel text not null check (channel in ('email', 'link')),
  status text not null check (status in ('queued', 'sent', 'failed', 'skipped', 'answered')),
  skip_reason text,
  touchpoint text,
  expires_at timestamptz not null,
  sent_at timestamptz,
  reminders_sent int not null default 0,
  last_reminded_at timestamptz,
  answered_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, survey_id) references surveys (org_id, id) on delete cascade,
  foreign key (org_id, customer_id) references customers (org_id, id) on delete set null (customer_id)
);
create index survey_invitations_reminder_idx on survey_invitations (status, sent_at) where status = 'sent';
select orientir_protect('survey_invitations');

create table survey_responses (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  survey_id uuid not null,
  version int not null,
  customer_id uuid,
  invitation_id uuid,
  status text not null check (status in ('partial', 'complete')),
  channel text not null check (channel in ('link', 'email', 'widget', 'qr', 'api', 'import')),
  touchpoint text,
  locale text not null,
  answers jsonb not null default '{}',
  nps smallint check (nps between 0 and 10),
  csat smallint check (csat between 1 and 5),
  ces smallint check (ces between 1 and 7),
  -- the submission nonce of the form or client: the same nonce is the same response
  nonce text,
  submitted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, survey_id, version) references survey_versions (org_id, survey_id, version) on delete cascade,
  foreign key (org_id, customer_id) references customers (org_id, id) on delete set null (customer_id),
  foreign key (org_id, invitation_id) references survey_invitations (org_id, id) on delete set null (invitation_id)
);
create unique index survey_responses_nonce_key on survey_responses (org_id, survey_id, nonce) where nonce is not null;
create unique index survey_responses_invitation_key on survey_responses (org_id, invitation_id) where invitation_id is not null;
create index survey_responses_list_idx on survey_responses (org_id, survey_id, created_at, id);
create index survey_responses_customer_idx on survey_responses (org_id, customer_id, submitted_at);
select orientir_protect('survey_responses');

-- Every time a known customer was asked (any channel): the contact frequency cap counts these.
create table survey_contacts (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  customer_id uuid not null,
  survey_id uuid not null,
  channel text not null,
  contacted_at timestamptz not null,
  primary key (org_id, id),
  foreign key (org_id, customer_id) references customers (org_id, id) on delete cascade,
  foreign key (org_id, survey_id) references surveys (org_id, id) on delete cascade
);
create index survey_contacts_customer_idx on survey_contacts (org_id, customer_id, contacted_at);
select orientir_protect('survey_contacts');

-- Customers who unsubscribed from survey e-mails.
create table survey_opt_outs (
  org_id uuid not null,
  customer_id uuid not null,
  channel text not null,
  created_at timestamptz not null default now(),
  primary key (org_id, customer_id, channel),
  foreign key (org_id, customer_id) references customers (org_id, id) on delete cascade
);
select orientir_protect('survey_opt_outs');

-- Organization-wide survey settings: the contact cap and reminders.
create table survey_settings (
  org_id uuid not null references orgs(id) on delete cascade,
  contact_cap_max int not null default 1 check (contact_cap_max >= 0),
  contact_cap_days int not null default 30 check (contact_cap_days >= 0),
  reminder_after_hours int not null default 72 check (reminder_after_hours > 0),
  reminders_max int not null default 1 check (reminders_max >= 0),
  link_valid_days int not null default 30 check (link_valid_days > 0),
  updated_at timestamptz not null default now(),
  primary key (org_id)
);
select orientir_protect('survey_settings');

-- Public submissions per survey and minute: a cap on top of the per-address rate limit.
create table survey_rate_counters (
  org_id uuid not null,
  survey_id uuid not null,
  window_start timestamptz not null,
  count int not null,
  primary key (org_id, survey_id, window_start),
  foreign key (org_id, survey_id) references surveys (org_id, id) on delete cascade
);
select orientir_protect('survey_rate_counters');
