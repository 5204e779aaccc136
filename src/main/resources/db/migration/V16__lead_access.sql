-- Who may see a lead (security/LeadAccess): the account that submitted it, and whether a team's
-- reps see each other's leads (off by default: a rep sees their own leads only).
alter table leads add column submitted_by varchar(100);
create index idx_leads_submitted_by on leads (submitted_by);
create index idx_leads_team on leads (team_id);
alter table teams add column share_leads boolean not null default false;
