-- What a refund reads of the purchase it reverses: the reversals already made of an entry.
create index loyalty_entries_reverses on loyalty_entries (org_id, reverses_entry_id) where reverses_entry_id is not null;
