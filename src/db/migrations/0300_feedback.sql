-- Feedback analytics: one fact per scored answer, counts rolled up by day, open answers with
-- their topics and term counts. Every table is fed by the response.created subscriber.

-- Per organization: the anonymity threshold, and the time zone the day keys of the roll-ups and
-- term counts were computed in (when the organization moves, the roll-ups are rebuilt).
create table feedback_settings (
  org_id uuid not null references orgs(id) on delete cascade,
  anonymity_threshold int not null default 5 check (anonymity_threshold between 2 and 1000),
  rollup_time_zone text not null default 'UTC',
  updated_at timestamptz not null default now(),
  primary key (org_id)
);
select orientir_protect('feedback_settings');

-- One row per scored answer. Dimensions are copied at answer time ('' when unknown), so a
-- breakdown shows the customer's stage, segment, tier and team when they answered.
create table feedback_facts (
  org_id uuid not null references orgs(id) on delete cascade,
  metric text not null check (metric in ('nps', 'csat', 'ces')),
  response_id text not null,
  value smallint not null,
  occurred_at timestamptz not null,
  survey_id text not null,
  audience text not null,
  touchpoint text not null default '',
  channel text not null default '',
  locale text not null default '',
  stage text not null default '',
  segment text not null default '',
  tier text not null default '',
  team text not null default '',
  customer_id uuid,
  primary key (org_id, metric, response_id),
  check ((metric = 'nps' and value between 0 and 10) or (metric = 'csat' and value between 1 and 5)
    or (metric = 'ces' and value between 1 and 7))
);
create index feedback_facts_time_idx on feedback_facts (org_id, metric, occurred_at);
create index feedback_facts_customer_idx on feedback_facts (org_id, customer_id, occurred_at)
  where customer_id is not null;
select orientir_protect('feedback_facts');

-- Answers per day and value for every combination of dimensions: any filter or breakdown by
-- dimensions is a SUM over it. Kept in step with the facts inside the same transaction.
create table feedback_rollup (
  org_id uuid not null references orgs(id) on delete cascade,
  metric text not null,
  day date not null,
  value smallint not null,
  survey_id text not null,
  touchpoint text not null,
  channel text not null,
  locale text not null,
  stage text not null,
  segment text not null,
  tier text not null,
  team text not null,
  audience text not null,
  n int not null,
  primary key (org_id, metric, day, value, survey_id, touchpoint, channel, locale, stage, segment, tier,
    team, audience)
);
select orientir_protect('feedback_rollup');

-- The same counts by day, survey and audience only. Combinations of nine dimensions barely
-- compress real data, so trends and survey figures read this much smaller table instead.
create table feedback_rollup_daily (
  org_id uuid not null references orgs(id) on delete cascade,
  metric text not null,
  day date not null,
  survey_id text not null,
  audience text not null,
  value smallint not null,
  n int not null,
  primary key (org_id, metric, day, survey_id, audience, value)
);
select orientir_protect('feedback_rollup_daily');

-- Responses with open answers: their texts (erasable), languages, scores and topics.
create table feedback_answers (
  org_id uuid not null references orgs(id) on delete cascade,
  response_id text not null,
  survey_id text not null,
  audience text not null,
  occurred_at timestamptz not null,
  customer_id uuid,
  nps smallint,
  csat smallint,
  ces smallint,
  -- null once the customer is erased; the tags and term counts stay as anonymous aggregates
  texts text[],
  langs text[] not null,
  topics uuid[] not null default '{}',
  primary key (org_id, response_id)
);
create index feedback_answers_time_idx on feedback_answers (org_id, occurred_at);
create index feedback_answers_customer_idx on feedback_answers (org_id, customer_id)
  where customer_id is not null;
select orientir_protect('feedback_answers');

-- Answers that mention a term (kind 't') or two-word phrase ('p') per month, language and NPS
-- class; kind 'a' with term '' counts the answers themselves. Updated one answer at a time.
create table feedback_terms (
  org_id uuid not null references orgs(id) on delete cascade,
  audience text not null,
  lang text not null,
  month date not null,
  cls text not null check (cls in ('detractor', 'passive', 'promoter')),
  kind char(1) not null check (kind in ('a', 't', 'p')),
  term text not null,
  label text not null,
  n int not null,
  primary key (org_id, audience, lang, month, cls, kind, term)
);
select orientir_protect('feedback_terms');

-- The organization's topic taxonomy: keywords per language (pl, cs, ru, en, any).
create table feedback_topics (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  key text not null,
  name jsonb not null default '{}',
  keywords jsonb not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id),
  unique (org_id, key)
);
select orientir_protect('feedback_topics');
