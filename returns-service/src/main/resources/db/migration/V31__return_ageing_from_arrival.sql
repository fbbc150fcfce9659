-- Ageing counts from the goods' arrival at the warehouse (the brief: processed within 5 days of arrival, escalated
-- after 30), not from the last step; who an escalation names is kept with the return.
alter table return_order add column received_at timestamptz;
alter table return_order add column ageing_responsible text;
update return_order
   set received_at = case jsonb_typeof(details -> 'receipt' -> 'at')
                         when 'string' then (details -> 'receipt' ->> 'at')::timestamptz
                         when 'number' then to_timestamp((details -> 'receipt' ->> 'at')::double precision)
                     end
 where details -> 'receipt' -> 'at' is not null;
create index return_order_received_open on return_order (received_at) where received_at is not null;
