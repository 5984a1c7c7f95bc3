-- A request running under an Idempotency-Key holds its key for a lease that it renews while it
-- runs. A process that dies mid-request stops renewing: once the lease has run out, a retry with
-- the same key and body takes the key over instead of being refused until the key expires.
alter table idempotency_keys add column locked_until timestamptz;
update idempotency_keys set locked_until = created_at + interval '1 minute' where state = 'pending';
