-- Routing's rotation rows (V19): the headroom capacity routing orders by, and the triggers that
-- keep the rows. H2 triggers are Java classes of the routing package.
alter table rep_rotation add column cap_headroom integer generated always as (max_open - open_leads);
create index idx_rep_rotation_cap_headroom on rep_rotation (team_id, cap_headroom desc, open_leads, rr_ticket, rep_id);

-- the open-lead count moves from reps.open_leads to rep_rotation.open_leads
drop trigger leads_count_open;
create trigger leads_count_open after insert, update, delete on leads
    for each row call 'io.leadrouter.routing.OpenLeadCountTrigger';

-- every rep and team has its rotation row, and a rep's row copies the settings routing pages by
create trigger reps_rotation after insert, update on reps
    for each row call 'io.leadrouter.routing.RepRotationTrigger';
create trigger teams_rotation after insert on teams
    for each row call 'io.leadrouter.routing.TeamRotationTrigger';
