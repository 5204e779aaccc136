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
