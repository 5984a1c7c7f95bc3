-- External ids and event ids are opaque identifiers: they are compared byte by byte ("C"), so
-- their indexes are probed and filled without the locale's collation rules. A batch of 5,000
-- events probes the external-id index for every customer it names and fills the event-id
-- index with every event; with the database's locale each comparison went through strcoll.
-- The columns keep their values; only their indexes are rebuilt (a lock while that runs).
alter table customers alter column external_id type text collate "C";
alter table events alter column id type text collate "C";
