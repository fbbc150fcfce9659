-- A store clerk links a return only to his own store's tickets: the ticket reference keeps the store the ticket's unit
-- was sold through (TicketOpened v1.3 storeCode). Tickets replicated before carry none; where the unit is in the
-- product replica, its store is the ticket's (ticket-service copies it from the unit at intake).
alter table ticket_reference add column store_code text;
update ticket_reference t set store_code = p.store_code
from product_replica p
where t.store_code is null and p.serial_number = t.serial_number and p.model = t.model;

-- Who requested a return, as far as scope goes (the clerk's store, null for roles that see every store), and a
-- supervisor's request date other than the day of the request (who, why, and what day it really was).
alter table return_order add column requested_by_store text;
alter table return_order add column request_date_override jsonb;
