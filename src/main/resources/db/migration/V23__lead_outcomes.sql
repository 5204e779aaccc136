-- A lead lives until its outcome (lead-routing.bpmn version 6): a contacted lead is followed up
-- until it is converted (with the deal value), lost (with a reason from processes/lost-reasons.dmn),
-- disqualified or moved back to nurture. The lead keeps what closed it and, while it is followed
-- up, when its holder means to follow up next (the Follow up lead task's follow-up date).
-- Portable SQL: runs on H2 and PostgreSQL.
alter table leads add column deal_value numeric(19, 2);
alter table leads add column lost_reason varchar(100);
alter table leads add column follow_up_at timestamp with time zone;
