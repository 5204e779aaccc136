-- Issue 11. Plain SQL that H2 and PostgreSQL both run as written.

-- 1. An account's domains, each with where it came from. Routing by domain trusts only the
-- account's own record, sales ops (PUT /api/accounts/{id}/domains) and a lead its owner
-- converted; never an inbound lead (account/AccountDomains). A domain names one account at most.
create table account_domains (
    domain      varchar(255) primary key,
    account_id  varchar(36)  not null references accounts (id),
    source      varchar(20)  not null,            -- RECORD, SALES_OPS, CONVERTED_LEAD or UNCONFIRMED
    added_by    varchar(100),                     -- the sales ops user, or the rep who converted the lead
    lead_id     varchar(36),                      -- the converted lead it was learned from
    added_at    timestamp with time zone          -- null for a domain that came with the account's record
);
create index idx_account_domains_account on account_domains (account_id);

-- Until now any inbound lead matched to an account by company name wrote its domain here, and
-- the demo's accounts start without one: what is there cannot be trusted. It is kept, marked
-- UNCONFIRMED, for sales ops to confirm (or a converted lead to confirm); routing ignores it.
insert into account_domains (domain, account_id, source, added_at)
select a.domain, min(a.id), 'UNCONFIRMED', current_timestamp
from accounts a
where a.domain is not null
group by a.domain;
drop index idx_accounts_domain;
alter table accounts drop column domain;

-- 2. One person, one open lead. Routing serialises the duplicate check of an e-mail address on
-- one of these rows (stripe = the address's hash modulo 1024, select ... for update, held until
-- the routing job commits). The rows are fixed, so that routing never inserts one: two inserts
-- of one new key race, and on PostgreSQL the loser's whole transaction is aborted.
create table contact_locks (
    stripe integer primary key
);
insert into contact_locks (stripe)
select a.n * 128 + b.n * 16 + c.n
from (values (0), (1), (2), (3), (4), (5), (6), (7)) as a (n)
cross join (values (0), (1), (2), (3), (4), (5), (6), (7)) as b (n)
cross join (values (0), (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12), (13), (14), (15)) as c (n);

-- The lead its person's later leads merge into: it passed the duplicate check as the first open
-- lead of its e-mail address. Before this, the earliest received open lead of an address was the
-- one to merge into: that one carries the mark.
alter table leads add column passed_duplicate_check boolean not null default false;
update leads set passed_duplicate_check = true
where email is not null
  and status in ('RECEIVED', 'IN_REVIEW', 'ASSIGNED', 'CONTACTED', 'ESCALATED')
  and not exists (
      select 1 from leads earlier
      where earlier.email = leads.email
        and earlier.status in ('RECEIVED', 'IN_REVIEW', 'ASSIGNED', 'CONTACTED', 'ESCALATED')
        and (earlier.received_at < leads.received_at
             or (earlier.received_at = leads.received_at and earlier.id < leads.id)));
