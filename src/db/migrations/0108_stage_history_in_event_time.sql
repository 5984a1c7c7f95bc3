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
-- "customer since" and "stages as of a date" read when customers arrived
create index customers_since_idx on customers (org_id, since);
