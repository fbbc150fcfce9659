-- W3C trace context of the request (or consumed event) that wrote the event: the relay sends the event
-- later, from its own thread, and continues this trace so that a ticket's path can be followed across services.
alter table outbox_event add column traceparent text;
