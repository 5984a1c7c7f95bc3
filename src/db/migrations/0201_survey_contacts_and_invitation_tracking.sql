-- Invitations: when the personal link was first opened, and refusals by the receiving mail server.
alter table survey_invitations add column opened_at timestamptz;
alter table survey_invitations drop constraint survey_invitations_status_check;
alter table survey_invitations add constraint survey_invitations_status_check
  check (status in ('queued', 'sent', 'failed', 'bounced', 'skipped', 'answered'));
create index survey_invitations_survey_idx on survey_invitations (org_id, survey_id, created_at, id);

-- How a respondent who said "yes, you may contact me" can be reached: kept apart from the
-- answers (which travel to webhooks and reports), exported and erased with the person.
create table survey_response_contacts (
  org_id uuid not null,
  response_id uuid not null,
  survey_id uuid not null,
  customer_id uuid,
  email text,
  phone text,
  consented_at timestamptz not null,
  primary key (org_id, response_id),
  foreign key (org_id, response_id) references survey_responses (org_id, id) on delete cascade,
  foreign key (org_id, customer_id) references customers (org_id, id) on delete set null (customer_id),
  check (email is not null or phone is not null)
);
create index survey_response_contacts_email_idx on survey_response_contacts (org_id, email) where email is not null;
create index survey_response_contacts_phone_idx on survey_response_contacts (org_id, phone) where phone is not null;
select orientir_protect('survey_response_contacts');
