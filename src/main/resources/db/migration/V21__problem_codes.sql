-- The codes of a lead's soft problems (lead/LeadProblem), comma-separated in the order of the
-- problem lines in leads.problems: the review policy (processes/lead-review.dmn) decides per code
-- whether a person must look at the lead before it routes. Leads validated before keep their
-- problems as text only (null codes): their process instances run on the diagram version they
-- started on, which decided on review without the policy. Portable SQL: runs on H2 and PostgreSQL.
alter table leads add column problem_codes varchar(500);
