-- Whether the user chose their language (in the dashboard or on the login page) rather than
-- keeping the one the account was created with: an unchosen language follows the login page.
alter table users add column locale_chosen boolean not null default false;
