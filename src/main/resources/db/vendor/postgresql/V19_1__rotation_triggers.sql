-- Routing's rotation rows (V19): the headroom capacity routing orders by, and the triggers that
-- keep the rows.
alter table rep_rotation add column cap_headroom integer generated always as (max_open - open_leads) stored;
create index idx_rep_rotation_cap_headroom on rep_rotation (team_id, cap_headroom desc, open_leads, rr_ticket, rep_id);

-- the open-lead count moves from reps.open_leads to rep_rotation.open_leads (trigger of V14)
create or replace function leads_count_open() returns trigger language plpgsql as $$
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
            update rep_rotation set open_leads = open_leads - 1 where rep_id = was_open;
        end if;
        if now_open is not null then
            update rep_rotation set open_leads = open_leads + 1 where rep_id = now_open;
        end if;
    end if;
    return null;
end
$$;

-- every rep has its rotation row, which copies the settings routing pages by
create function reps_rotation() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into rep_rotation (rep_id, team_id, takes_leads, seniority, max_open)
        values (new.id, new.team_id, new.active and new.available, new.seniority, new.max_open);
    elsif (old.team_id, old.active and old.available, old.seniority, old.max_open)
          is distinct from (new.team_id, new.active and new.available, new.seniority, new.max_open) then
        update rep_rotation
        set team_id = new.team_id, takes_leads = new.active and new.available, seniority = new.seniority,
            max_open = new.max_open
        where rep_id = new.id;
    end if;
    return null;
end
$$;
create trigger reps_rotation after insert or update of team_id, active, available, seniority, max_open on reps
    for each row execute function reps_rotation();

-- every team has its rotation row
create function teams_rotation() returns trigger language plpgsql as $$
begin
    insert into team_rotation (team_id) values (new.id);
    return null;
end
$$;
create trigger teams_rotation after insert on teams
    for each row execute function teams_rotation();
