-- Serving the conversion model (issue 16): what the published model said of a lead when Score lead ran.
-- conversion_probability: 0 to 1, null when no model scored the lead (the rules alone did);
-- score_factors: the factors that moved it most, strongest first, as JSON text
-- ([{"feature":..,"words":..,"contribution":..}], contribution in log-odds), read only by the API;
-- scoring_model_version: the registry version (scoring_models.version) that scored it, so a rep or an
-- analyst knows which model spoke. No foreign key: the registry keeps every version anyway, and a lead
-- must never fail to save because of the registry.
-- Portable SQL: runs on H2 and PostgreSQL (varchar without a length is unbounded on both).
alter table leads add column conversion_probability double precision;
alter table leads add column score_factors varchar;
alter table leads add column scoring_model_version integer;
