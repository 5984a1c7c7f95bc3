-- Outgoing webhooks: endpoints, and one delivery per event and endpoint with its attempts.

create table webhook_endpoints (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  url text not null,
  description text not null default '',
  events text[] not null,
  -- signs bodies (HMAC-SHA256); shown once at creation
  secret text not null,
  enabled boolean not null default true,
  consecutive_failures int not null default 0,
  disabled_at timestamptz,
  disabled_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id)
);
select orientir_protect('webhook_endpoints');

create table webhook_deliveries (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  endpoint_id uuid not null,
  event text not null,
  body text not null,
  status text not null default 'pending' check (status in ('pending', 'delivered', 'failed', 'skipped')),
  attempts int not null default 0,
  response_status int,
  last_error text,
  created_at timestamptz not null,
  last_attempt_at timestamptz,
  delivered_at timestamptz,
  primary key (org_id, id),
  foreign key (org_id, endpoint_id) references webhook_endpoints (org_id, id) on delete cascade
);
create index webhook_deliveries_endpoint_idx on webhook_deliveries (org_id, endpoint_id, created_at desc, id);
select orientir_protect('webhook_deliveries');
