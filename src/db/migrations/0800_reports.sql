-- Scheduled reports: a person's subscription to a weekly or monthly e-mail digest.
create table report_subscriptions (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  user_id uuid not null,
  frequency text not null check (frequency in ('weekly', 'monthly')),
  -- When the next digest is due: the start of the next period, 07:00 in the organization's time zone.
  next_send_at timestamptz not null,
  -- The first day (YYYY-MM-DD) of the last period whose digest went out: a rerun sends nothing twice.
  last_period text,
  -- Signs this subscription's unsubscribe links; a new subscription gets a new one.
  unsubscribe_secret text not null,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  unique (org_id, user_id, frequency),
  foreign key (org_id, user_id) references users (org_id, id) on delete cascade
);
create index report_subscriptions_due on report_subscriptions (next_send_at);
select orientir_protect('report_subscriptions');
