-- What is due next on a return (contact the customer about an out-of-stock replacement, overdue photo approval).
alter table return_order add column follow_up_reason text;
alter table return_order add column follow_up_due_at timestamptz;
create index return_order_follow_up_due on return_order (follow_up_due_at) where follow_up_due_at is not null;
