-- Keeps reps.open_leads (V13) equal to the rep's leads in status ASSIGNED.
create trigger leads_count_open after insert, update, delete on leads
    for each row call 'io.leadrouter.lead.OpenLeadCountTrigger';
