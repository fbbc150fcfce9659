-- The retention job (aftersales.retention) deletes consumers' processed events older than their period in batches;
-- this index lets each batch find its rows without reading the whole table.
create index if not exists processed_event_processed_at on processed_event (processed_at);
