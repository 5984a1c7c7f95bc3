-- An e-mail address is unique within an organization, no longer across the instance: adding a
-- user must not tell one organization that an address is in use in another. Login looks the
-- address up in every organization and opens the account its password fits; the same address
-- and password in several organizations name one (src/modules/orgs/service.ts).
drop index users_email_key;
create unique index users_org_email_key on users (org_id, lower(email));
create index users_email_idx on users (lower(email));
