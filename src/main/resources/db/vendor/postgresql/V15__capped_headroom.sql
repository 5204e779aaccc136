-- Capacity routing reads reps with an open-lead cap by headroom (cap minus open leads) in index
-- order: the database computes it whenever max_open or open_leads change.
alter table reps add column cap_headroom integer generated always as (max_open - open_leads) stored;
create index idx_reps_team_cap_headroom on reps (team_id, cap_headroom desc, open_leads, rr_ticket, id);
create index idx_reps_team_uncapped on reps (team_id, max_open, open_leads, rr_ticket, id);
