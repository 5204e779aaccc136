-- Won and lost deals per rep, by product and by sector: the record performance routing learns
-- from (seeded from CRM history, then updated by the outcomes reps record on Work lead).
create table rep_performance (
    rep_id           varchar(100) not null references reps (id),
    dimension        varchar(20)  not null,   -- 'product', 'sector' or 'all'
    dimension_value  varchar(200) not null,   -- e.g. 'GTX Pro', 'medical'; '*' for 'all'
    wins             integer      not null default 0,
    losses           integer      not null default 0,
    primary key (rep_id, dimension, dimension_value)
);

-- Known customer accounts and who owns them, for sticky account-owner routing
create table accounts (
    id               varchar(36)  primary key,
    name             varchar(300) not null,
    name_key         varchar(300) not null,   -- the name reduced for matching: 'acme' for 'Acme Corp.'
    domain           varchar(255),            -- e-mail / website domain, when known
    sector           varchar(200),
    owner_id         varchar(100) references reps (id)
);
create unique index uq_accounts_name_key on accounts (name_key);
create index idx_accounts_domain on accounts (domain);

-- the company domain of a lead's e-mail (free mail providers excluded), for sticky routing
alter table leads add column email_domain varchar(255);
create index idx_leads_email_domain on leads (email_domain, status);
