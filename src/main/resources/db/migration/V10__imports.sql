-- Bulk CSV imports (POST /api/imports): the file is kept under the data dir, this row records
-- how far the import got. rows_read is the last row committed together with its leads, so an
-- import resumes after a crash from there; rows are idempotent by externalId (or
-- import:<import id>:<line> when a row has none), so no row creates a lead twice.
create table lead_imports (
    id            varchar(36)   primary key,
    file_name     varchar(500)  not null,
    state         varchar(20)   not null,   -- QUEUED, RUNNING, DONE, FAILED
    rows_read     bigint        not null default 0,
    created       bigint        not null default 0,
    existing      bigint        not null default 0,
    rejected      bigint        not null default 0,
    errors        varchar(65535),           -- JSON array of the first row errors, with line numbers
    failure       varchar(2000),
    submitted_by  varchar(100),
    submitted_at  timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    finished_at   timestamp with time zone
);
create index idx_lead_imports_state on lead_imports (state, submitted_at);
