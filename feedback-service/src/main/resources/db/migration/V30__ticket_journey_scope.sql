-- Whose ticket it is, from TicketOpened (v1.3 storeCode): a store clerk links a complaint only to his own store's
-- tickets of that customer. Tickets projected before this column carry no store, so clerks cannot link them
-- (an agent or supervisor can).
alter table ticket_journey add column store_code text;
alter table ticket_journey add column customer_id uuid;
