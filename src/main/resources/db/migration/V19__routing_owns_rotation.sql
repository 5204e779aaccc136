-- Routing's state moves out of the directory (teams, reps) into routing's own tables: a team's
-- turn counter and rotation clocks, and each rep's places in the rotations and open-lead count.
-- The directory keeps people, teams, absences, working hours and caps. V19_1 (one per database
-- under db/vendor/) adds what the two databases spell differently: the generated headroom and the
-- triggers that keep a rotation row for every team and rep.

create table team_rotation (
    team_id           varchar(64)      primary key references teams (id) on delete cascade,
    -- round-robin turn counter; written under the team's row lock (teams), like everything here
    rr_sequence       bigint           not null default 0,
    -- virtual time of the weighted round-robin and performance-routing rotations
    weighted_clock    double precision not null default 0,
    performance_clock double precision not null default 0
);
insert into team_rotation (team_id, rr_sequence, weighted_clock, performance_clock)
select id, rr_sequence, weighted_clock, performance_clock from teams;

create table rep_rotation (
    rep_id           varchar(100)     primary key references reps (id) on delete cascade,
    -- copies of the directory settings routing filters and pages by, kept equal to the rep's row by
    -- a trigger on reps (V19_1): an index can only order by the columns of one table
    team_id          varchar(64)      not null,
    takes_leads      boolean          not null,   -- active and not marked unavailable
    seniority        integer          not null,
    max_open         integer,
    -- team_rotation.rr_sequence at the rep's last round-robin lead (0 = never)
    rr_ticket        bigint           not null default 0,
    -- places in the weighted round-robin and performance-routing rotations (0 = none yet)
    weighted_turn    double precision not null default 0,
    performance_turn double precision not null default 0,
    -- leads in status ASSIGNED owned by the rep, kept by the trigger on leads (V19_1)
    open_leads       integer          not null default 0
);
-- open leads are counted afresh rather than copied: the count needs no trigger to have been right
insert into rep_rotation (rep_id, team_id, takes_leads, seniority, max_open, rr_ticket, weighted_turn,
                          performance_turn, open_leads)
select r.id, r.team_id, r.active and r.available, r.seniority, r.max_open, r.rr_ticket, r.weighted_turn,
       r.performance_turn, (select count(*) from leads l where l.owner_id = r.id and l.status = 'ASSIGNED')
from reps r;

-- large teams are read a page at a time in each strategy's order (see RepRotationRepository);
-- capacity's order by headroom is in V19_1, as the headroom is a generated column
create index idx_rep_rotation_turn on rep_rotation (team_id, rr_ticket, rep_id);
create index idx_rep_rotation_seniority_turn on rep_rotation (team_id, seniority desc, rr_ticket, rep_id);
create index idx_rep_rotation_weighted_turn on rep_rotation (team_id, weighted_turn, rep_id);
create index idx_rep_rotation_performance_turn on rep_rotation (team_id, performance_turn, rep_id);
create index idx_rep_rotation_uncapped on rep_rotation (team_id, max_open, open_leads, rr_ticket, rep_id);

drop index idx_reps_team_turn;
drop index idx_reps_team_seniority_turn;
drop index idx_reps_team_weighted_turn;
drop index idx_reps_team_performance_turn;
drop index idx_reps_team_cap_headroom;
drop index idx_reps_team_uncapped;
alter table reps drop column cap_headroom;
alter table reps drop column open_leads;
alter table reps drop column rr_ticket;
alter table reps drop column weighted_turn;
alter table reps drop column performance_turn;
alter table teams drop column rr_sequence;
alter table teams drop column weighted_clock;
alter table teams drop column performance_clock;
