-- Lead sources send their own field names; a mapping per source (processes/sources/<id>.source.yaml,
-- deployed with the models) reads them. Each lead records the source whose mapping read it (null:
-- sent in Lead Router's own form), a decision input and part of the API's view of the lead; a bulk
-- import records the source whose mapping reads its rows when it runs (and again when it resumes).
-- Portable SQL: runs on H2 and PostgreSQL.
alter table leads add column source_mapping varchar(100);
alter table lead_imports add column source_mapping varchar(100);
