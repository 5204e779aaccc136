-- Routing counts each candidate's open leads (owner, status ASSIGNED) for every lead: with the
-- status alone indexed, a database may scan every assigned lead of the organisation instead.
create index idx_leads_owner_status on leads (owner_id, status);
-- large teams are assessed a page at a time in round-robin order (longest waiting first)
create index idx_reps_team_turn on reps (team_id, rr_ticket, id);
-- priority routing pages through large teams most senior first
create index idx_reps_team_seniority_turn on reps (team_id, seniority, rr_ticket, id);
