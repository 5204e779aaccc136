-- The scoring model registry (issue 16): one row per training, published or not, so sales ops can
-- see every model that was trained, how it measured and what governance
-- (processes/scoring-model-governance.dmn) decided about it. version counts trainings from 1.
-- A training with too few outcomes is a row too (REJECTED, TOO_FEW_OUTCOMES, without a model).
-- At most one model is PUBLISHED: published_slot is 1 for it and null for every other row, and is
-- unique (both databases allow many nulls in a unique column; a partial index would not be portable).
-- metrics and candidates are JSON text; model is the trained model's bytes
-- (ConversionModel.toBytes), never read by the list.
-- Portable SQL: runs on H2 and PostgreSQL (bytea is H2's alias of binary varying; varchar without
-- a length is unbounded on both).
create table scoring_models (
    version                  integer      not null primary key,
    status                   varchar(20)  not null,
    verdict                  varchar(30)  not null,
    verdict_reason           varchar(1000) not null,
    trained_at               timestamp with time zone not null,
    trained_by               varchar(100) not null,
    published_at             timestamp with time zone,
    published_by             varchar(100),
    algorithm                varchar(40),
    features                 varchar,
    training_from_order      bigint,
    training_to_order        bigint,
    training_converted       integer,
    training_not_converted   integer,
    validation_from_order    bigint,
    validation_to_order      bigint,
    validation_converted     integer,
    validation_not_converted integer,
    auc                      double precision,
    brier                    double precision,
    metrics                  varchar,
    candidates               varchar,
    model                    bytea,
    published_slot           integer,
    constraint uq_scoring_models_published unique (published_slot),
    constraint ck_scoring_models_status check (status in ('CANDIDATE', 'PUBLISHED', 'RETIRED', 'REJECTED')),
    constraint ck_scoring_models_slot check (published_slot = 1),
    -- "is not null", not "= 1": a comparison with null is unknown, and a check passes on unknown
    constraint ck_scoring_models_published check (status = 'PUBLISHED' and published_slot is not null
        or status <> 'PUBLISHED' and published_slot is null)
);
