-- A login reserves its attempt before its password is checked (src/modules/orgs/login-throttle.ts):
-- the record of an address keeps the instants of recent failures and of checks in progress, in
-- epoch milliseconds, instead of one count that concurrent logins read before any had failed.
alter table login_throttle
  add column failed_at jsonb not null default '[]',
  add column pending_at jsonb not null default '[]',
  add column updated_at timestamptz not null default now();
-- A count carried over becomes that many failures at the start of its window: they age out with it.
update login_throttle
set failed_at = to_jsonb(array_fill(floor(extract(epoch from window_start) * 1000)::bigint, array[least(failures, 5)]));
alter table login_throttle drop column failures, drop column window_start;
