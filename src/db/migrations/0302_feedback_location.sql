-- Locations as a dimension of feedback, like a touchpoint: the location's id ('' when unknown),
-- copied at answer time. The full roll-up's key takes the new dimension.
alter table feedback_facts add column location text not null default '';
alter table feedback_rollup add column location text not null default '';
alter table feedback_rollup drop constraint feedback_rollup_pkey;
alter table feedback_rollup add primary key (org_id, metric, day, value, survey_id, touchpoint, channel,
  locale, stage, segment, tier, team, audience, location);
