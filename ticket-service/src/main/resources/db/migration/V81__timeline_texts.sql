-- A timeline entry written from another service's report also keeps its message key and arguments, so that it can be
-- shown in the reader's language (timeline[_zh].properties); reason stays the English text.
alter table ticket_timeline add column reason_key text;
alter table ticket_timeline add column reason_args text[];
