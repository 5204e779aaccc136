-- Past leads imported from a CRM for scoring models to learn from (POST /api/history/leads): stored
-- as closed leads (status HISTORY, outcome CONVERTED or LOST) that are never routed. An externalId
-- stays unique among the installation's own leads (history_source '') and among each source's
-- history, so importing a file again stores nothing twice and a live lead may carry the externalId
-- of a past one. history_order: a history lead's place in time (the mapping's order column, else
-- its row in the file), by which validation holds out the newest.
-- Portable SQL: runs on H2 and PostgreSQL.
alter table leads add column history_source varchar(100) default '' not null;
alter table leads add column history_order bigint;
alter table leads drop constraint uq_leads_external_id;
alter table leads add constraint uq_leads_external_id unique (external_id, history_source);
