-- Weighted round-robin and performance routing keep each rep's place in a rotation in virtual
-- time (io.leadrouter.routing.VirtualTurns) instead of a credit every eligible rep earns on
-- every lead: a decision reads and writes the chosen rep, not the whole team. Reps start
-- afresh in both rotations (0: no place yet); the old credits are dropped.
alter table reps add column weighted_turn double precision not null default 0;
alter table reps add column performance_turn double precision not null default 0;
alter table teams add column weighted_clock double precision not null default 0;
alter table teams add column performance_clock double precision not null default 0;
-- large teams are read a page at a time in rotation order
create index idx_reps_team_weighted_turn on reps (team_id, weighted_turn, id);
create index idx_reps_team_performance_turn on reps (team_id, performance_turn, id);
drop table routing_credits;
-- priority routing reads most senior first: an index in that direction, which H2 reads in order
drop index idx_reps_team_seniority_turn;
create index idx_reps_team_seniority_turn on reps (team_id, seniority desc, rr_ticket, id);
