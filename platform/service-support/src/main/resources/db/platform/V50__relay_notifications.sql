-- Every insert into a relayed table notifies the channel named after the table when its transaction commits
-- (PostgreSQL delivers NOTIFY on commit, never for a rolled-back transaction, and folds duplicates within one
-- transaction). Relays of every instance of the service LISTEN on it, so an event waits for the relay's safety-net
-- poll only if a notification is lost (listener reconnecting).
create or replace function relay_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify(tg_table_name, '');
    return null;
end
$$;

create trigger outbox_event_relay_notify after insert on outbox_event
    for each statement execute function relay_notify();

create trigger partner_delivery_relay_notify after insert on partner_delivery
    for each statement execute function relay_notify();
