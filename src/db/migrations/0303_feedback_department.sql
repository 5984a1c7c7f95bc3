-- The department of an employee or internal-client answer ('' when unknown), copied at answer time,
-- so eNPS breaks down by team within department.
alter table feedback_facts add column department text not null default '';

-- The anonymity threshold is never below 3.
update feedback_settings set anonymity_threshold = 3 where anonymity_threshold < 3;
alter table feedback_settings drop constraint feedback_settings_anonymity_threshold_check;
alter table feedback_settings add constraint feedback_settings_anonymity_threshold_check
  check (anonymity_threshold between 3 and 1000);
