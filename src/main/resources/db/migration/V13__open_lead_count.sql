-- Every rep's open (assigned, not yet worked) leads, kept by the database: a trigger on leads
-- (V14, one per database under db/vendor/) counts every change of a lead's owner or status, from
-- any code path or a hand-written statement. Capacity routing reads reps by headroom from this
-- column instead of counting the leads of every rep of the team for every lead.
alter table reps add column open_leads integer not null default 0;
update reps set open_leads = (select count(*) from leads l where l.owner_id = reps.id and l.status = 'ASSIGNED');
