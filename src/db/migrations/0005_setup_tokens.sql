-- First run: while no organization exists, each server start stores the hash of a one-time
-- set-up token it prints in its log; the set-up page's request spends it. An instance table.
create table setup_tokens (
  token_hash text primary key,
  created_at timestamptz not null default now()
);
select orientir_protect_system('setup_tokens');
