-- Idempotency keys belong to the caller who sent them (token subject and client): another caller replaying the same
-- key and body creates its own resource instead of receiving the first caller's stored response. Rows from before
-- have no caller ('') and are replayed to nobody; they expire with the retention.
alter table idempotency_key add column caller text not null default '';
alter table idempotency_key drop constraint idempotency_key_pkey;
alter table idempotency_key add primary key (scope, caller, idempotency_key);
