-- Recognition: customers' praise routed to the people it names (or who resolved their case) and
-- their managers; praise naming no one, or several, waits for a manager's confirmation.
create table praise (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  source text not null check (source in ('response', 'follow_up')),
  -- The answer or the case it came from: one praise per answer and per case resolution.
  source_key text not null,
  response_id uuid,
  case_id uuid,
  customer_id uuid,
  -- The score that made it praise (nps 9–10, csat 4–5), null for a "yes, solved" follow-up.
  metric text,
  score int,
  comment text,
  location_id uuid,
  status text not null check (status in ('confirmed', 'pending', 'dismissed')),
  -- How the people were found: named in the comment, the case's resolver, or a manager's choice.
  matched_by text not null check (matched_by in ('name', 'case', 'manager', 'none')),
  decided_by uuid,
  decided_at timestamptz,
  received_at timestamptz not null,
  primary key (org_id, id),
  unique (org_id, source_key),
  foreign key (org_id, customer_id) references customers (org_id, id) on delete set null (customer_id),
  foreign key (org_id, location_id) references locations (org_id, id) on delete set null (location_id)
);
create index praise_feed on praise (org_id, status, received_at desc);
select orientir_protect('praise');

create table praise_recipients (
  org_id uuid not null references orgs(id) on delete cascade,
  praise_id uuid not null,
  employee_id uuid not null,
  primary key (org_id, praise_id, employee_id),
  foreign key (org_id, praise_id) references praise (org_id, id) on delete cascade,
  foreign key (org_id, employee_id) references employees (org_id, id) on delete cascade
);
create index praise_recipients_employee on praise_recipients (org_id, employee_id);
select orientir_protect('praise_recipients');
