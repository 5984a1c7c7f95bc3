-- The location a case is about: where the answer that opened it was given, the audited location of a
-- corrective action, or one a person names. Cases come before locations in the migrations, so the
-- column and its key are added here; deleting a location keeps its cases, without their location.
alter table cases add column location_id uuid;
alter table cases add foreign key (org_id, location_id) references locations (org_id, id)
  on delete set null (location_id);
create index cases_location_idx on cases (org_id, location_id, created_at) where location_id is not null;
