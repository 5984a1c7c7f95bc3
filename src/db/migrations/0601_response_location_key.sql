-- A response's location is one of the organization's locations; deleting the location keeps the
-- response, without its location.
alter table survey_responses add foreign key (org_id, location_id) references locations (org_id, id)
  on delete set null (location_id);
