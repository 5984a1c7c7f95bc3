-- The location a response was given at (a store's QR code, ?l=<code> on the survey link, an
-- import's locationCode). Its foreign key to locations follows in 0601, once locations exist.
alter table survey_responses add column location_id uuid;
create index survey_responses_location_idx on survey_responses (org_id, location_id, submitted_at)
  where location_id is not null;
