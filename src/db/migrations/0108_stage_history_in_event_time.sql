-- Stage history in event time. A customer is a customer `since` the earliest of its first event,
-- its first answer and its creation in the source system (`created_in_source_at`, when the source
-- told); `stage_review_at` is the next instant its stage changes by time alone (a purchase turning
-- too old), so the daily run finds through an index the few customers a day moves.
-- Every existing customer is due at once: the next run rewrites its history in event time.
alter table customers
  add column since timestamptz,
  add column created_in_source_at timestamptz,
  add column stage_review_at timestamptz;
update customers set since = created_at, stage_review_at = '-infinity';
alter table customers alter column since set default now();
alter table customers alter column since set not null;
create index customers_stage_review_idx on customers (org_id, stage_review_at)
  where stage_review_at is not null;
-- Survey answers carry their NPS in `data`: deciding a customer's stages reads them through
-- their own small index rather than every event's row.
create index events_answers_idx on events (org_id, customer_id, occurred_at) where type = 'survey_response';
-- A customer moves at most once at an instant: its history is keyed by (customer, instant), which
-- serves reading one customer's history too. Rewriting histories writes one index fewer.
delete from stage_changes s using stage_changes d
 where d.org_id = s.org_id and d.customer_id = s.customer_id and d.changed_at = s.changed_at and d.id > s.id;
alter table stage_changes drop constraint stage_changes_pkey;
drop index stage_changes_customer_idx;
alter table stage_changes drop column id;
alter table stage_changes add primary key (org_id, customer_id, changed_at);
-- Customers whose past (not their stage now) arriving events changed: a batch notes them here in
-- one row, and a job rewrites their histories right after, so that importing years of history
-- costs the batch no more than storing it.
create table stage_backlog (
  org_id uuid not null references orgs (id) on delete cascade,
  id bigint generated always as identity,
  customer_ids uuid[] not null,
  created_at timestamptz not null default now(),
  primary key (org_id, id)
);
select orientir_protect('stage_backlog');
