-- Answers per month, survey and audience: trends by month and whole-period figures read a few
-- thousand rows even over years of answers; partial months at a period's ends come from the days.
create table feedback_rollup_monthly (
  org_id uuid not null references orgs(id) on delete cascade,
  metric text not null,
  month date not null,
  survey_id text not null,
  audience text not null,
  value smallint not null,
  n int not null,
  primary key (org_id, metric, month, survey_id, audience, value)
);
select orientir_protect('feedback_rollup_monthly');

insert into feedback_rollup_monthly (org_id, metric, month, survey_id, audience, value, n)
select org_id, metric, date_trunc('month', day::timestamp)::date, survey_id, audience, value, sum(n)
  from feedback_rollup_daily
 group by org_id, metric, 3, survey_id, audience, value;
