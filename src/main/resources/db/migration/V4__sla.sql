-- Speed to lead: response SLAs, reassignment and escalation, and the measures behind them.

-- On the lead: its current response deadline, and the facts its measures come from.
alter table leads add column first_assigned_at timestamp with time zone;   -- routing delay ends here
alter table leads add column sla_due_at timestamp with time zone;          -- deadline of the current rep
alter table leads add column first_response_at timestamp with time zone;   -- first outcome recorded
alter table leads add column sla_met boolean;                              -- null until known
alter table leads add column reassignments integer not null default 0;     -- times taken away after a breach
alter table leads add column escalated_to varchar(100);                    -- the manager holding the lead
-- team statistics and escalated-lead lists
create index idx_leads_team_assigned on leads (team_id, first_assigned_at);

-- One response clock per assignment of a lead to a rep: when it started, when it was due, and
-- whether the rep responded in time (MET), did not (BREACHED) or is still on it (OPEN).
-- Rep and team statistics are aggregates over these rows.
create table response_clocks (
    id                     varchar(36)  primary key,
    lead_id                varchar(36)  not null references leads (id),
    rep_id                 varchar(100) not null references reps (id),
    team_id                varchar(64)  not null,
    tier                   varchar(10),
    response_time          varchar(20)  not null,  -- the SLA as business time, e.g. PT15M
    assigned_at            timestamp with time zone not null,
    reminder_at            timestamp with time zone not null,
    due_at                 timestamp with time zone not null,
    reminded_at            timestamp with time zone,
    responded_at           timestamp with time zone,
    breached_at            timestamp with time zone,
    result                 varchar(10)  not null,  -- OPEN, MET, BREACHED
    routing_delay_seconds  bigint,                 -- lead received to this assignment; first assignment only
    rep_delay_seconds      bigint                  -- this assignment to the rep's response
);
create index idx_response_clocks_lead on response_clocks (lead_id, result);
create index idx_response_clocks_rep on response_clocks (rep_id, assigned_at);
create index idx_response_clocks_team on response_clocks (team_id, assigned_at);
