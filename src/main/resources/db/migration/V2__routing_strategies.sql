-- Everything the routing strategies and their explanations need.

-- Rep settings sales ops change through PATCH /api/reps/{id}
alter table reps add column weight integer not null default 1;           -- weighted round-robin share
alter table reps add column seniority integer not null default 1;        -- 1 junior .. 3 senior (priority routing)
alter table reps add column max_open integer;                            -- open leads cap (null: none)
alter table reps add column daily_cap integer;                           -- leads per day cap (null: none)
alter table reps add column weekly_cap integer;                          -- leads per week cap (null: none)
alter table reps add column time_zone varchar(64) not null default 'UTC';
alter table reps add column work_start varchar(5) not null default '09:00';
alter table reps add column work_end varchar(5) not null default '17:00';
alter table reps add column work_days varchar(40) not null default 'MON,TUE,WED,THU,FRI';
-- when the rep was last marked available again after being unavailable (catch-up after absence)
alter table reps add column available_since timestamp with time zone;

-- Out-of-office periods: a rep gets no leads between starts_at and ends_at
create table rep_absences (
    id         varchar(36)  primary key,
    rep_id     varchar(100) not null references reps (id),
    starts_at  timestamp with time zone not null,
    ends_at    timestamp with time zone not null,
    reason     varchar(200)
);
create index idx_rep_absences_rep on rep_absences (rep_id, ends_at);

-- Credit of each rep under a credit-based strategy (weighted round-robin, performance):
-- the share a rep is owed minus what it got. Updated under the team's row lock.
create table routing_credits (
    rep_id     varchar(100) not null references reps (id),
    strategy   varchar(50)  not null,
    credit     double precision not null default 0,
    primary key (rep_id, strategy)
);

-- Every routing decision with its candidates, for "why did this lead go to Bob?"
create table routing_decisions (
    id                varchar(36)   primary key,
    lead_id           varchar(36)   not null references leads (id),
    decided_at        timestamp with time zone not null,
    rule_name         varchar(300),
    decision_key      varchar(100),
    decision_version  integer,
    team_id           varchar(64),
    strategy          varchar(50),
    strategies_tried  varchar(300),
    chosen_rep        varchar(100),
    summary           varchar(1000) not null,
    candidates        varchar(65535)
);
create index idx_routing_decisions_lead on routing_decisions (lead_id, decided_at);
-- caps and catch-up count the leads given to each rep since a point in time
create index idx_routing_decisions_rep on routing_decisions (chosen_rep, decided_at);
create index idx_routing_decisions_team on routing_decisions (team_id, decided_at);

-- a duplicate of an open lead is merged into it instead of being routed twice
alter table leads add column merged_into varchar(36);
create index idx_leads_email on leads (email);
