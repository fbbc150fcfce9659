-- The ticket a return comes from (optional): ticket-service follows the return's decisions and outcome.
alter table return_order add column ticket_id uuid;
create index return_order_ticket_idx on return_order (ticket_id) where ticket_id is not null;
