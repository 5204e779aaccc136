-- Keeps reps.open_leads (V13) equal to the rep's leads in status ASSIGNED.
create function leads_count_open() returns trigger language plpgsql as $$
declare
    was_open varchar(100);
    now_open varchar(100);
begin
    if tg_op <> 'INSERT' then
        if old.status = 'ASSIGNED' then
            was_open := old.owner_id;
        end if;
    end if;
    if tg_op <> 'DELETE' then
        if new.status = 'ASSIGNED' then
            now_open := new.owner_id;
        end if;
    end if;
    if was_open is distinct from now_open then
        if was_open is not null then
            update reps set open_leads = open_leads - 1 where id = was_open;
        end if;
        if now_open is not null then
            update reps set open_leads = open_leads + 1 where id = now_open;
        end if;
    end if;
    return null;
end
$$;

create trigger leads_count_open after insert or update of status, owner_id or delete on leads
    for each row execute function leads_count_open();
