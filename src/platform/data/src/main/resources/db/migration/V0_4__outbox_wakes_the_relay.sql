-- The relay polls the outbox every 200 ms when idle; an event written in between waited for the
-- next poll (100 ms on average per hop, two hops from a vital sign to an alert on a nurse's
-- screen). A NOTIFY is delivered when the writing transaction commits, so the relay listening on
-- 'hms_outbox' wakes exactly when new rows become visible. Audit rows do not wake it: nobody
-- waits for them, and a NOTIFY per audited read would serialise those commits (PostgreSQL
-- takes one global lock to queue notifications at commit).
create or replace function hms_outbox_wake_relay() returns trigger language plpgsql as $$
begin
    perform pg_notify('hms_outbox', '');
    return null;
end
$$;

create trigger outbox_wakes_relay
    after insert on outbox
    for each row when (new.topic <> 'hms.audit')
    execute function hms_outbox_wake_relay();
