-- Lead Router's own tables. Portable SQL: runs on H2 (embedded default) and PostgreSQL.

create table teams (
    id            varchar(64)  primary key,
    name          varchar(200) not null,
    -- round-robin turn counter; the team row is locked while a lead of the team is routed
    rr_sequence   bigint       not null default 0
);

create table reps (
    id            varchar(100) primary key,   -- the rep's Camunda user id (first.last)
    first_name    varchar(100) not null,
    last_name     varchar(100) not null,
    email         varchar(320),
    team_id       varchar(64)  not null references teams (id),
    manager_id    varchar(100),
    available     boolean      not null default true,
    active        boolean      not null default true,
    -- team rr_sequence value at this rep's last round-robin assignment (0 = never)
    rr_ticket     bigint       not null default 0,
    leads_assigned bigint      not null default 0
);
create index idx_reps_team on reps (team_id);

create table leads (
    id                   varchar(36)   primary key,
    external_id          varchar(200),
    first_name           varchar(200),
    last_name            varchar(200),
    email                varchar(320),
    phone                varchar(50),
    company              varchar(300),
    website              varchar(500),
    country              varchar(100),
    state                varchar(100),
    city                 varchar(200),
    industry             varchar(200),
    employees            integer,
    annual_revenue       numeric(19, 2),
    product              varchar(200),
    source               varchar(200),
    language             varchar(20),
    attributes           varchar(65535),
    problems             varchar(4000),
    status               varchar(20)   not null,
    score                integer,
    tier                 varchar(10),
    qualification        varchar(20),
    qualification_reason varchar(500),
    owner_id             varchar(100),
    team_id              varchar(64),
    routing_strategy     varchar(50),
    routing_rule         varchar(300),
    routing_reason       varchar(1000),
    routing_decided_at   timestamp with time zone,
    received_at          timestamp with time zone not null,
    assigned_at          timestamp with time zone,
    outcome              varchar(20),
    outcome_note         varchar(4000),
    closed_at            timestamp with time zone,
    process_instance_id  varchar(64),
    version              bigint        not null default 0,
    constraint uq_leads_external_id unique (external_id)
);
create index idx_leads_status on leads (status);
create index idx_leads_owner on leads (owner_id);
create index idx_leads_received on leads (received_at);
