-- A corrective-action case links back to the service audit visit that opened it ('audit:<visit id>').
alter table case_links drop constraint case_links_kind_check;
alter table case_links add constraint case_links_kind_check check (kind in ('response', 'event', 'audit'));
