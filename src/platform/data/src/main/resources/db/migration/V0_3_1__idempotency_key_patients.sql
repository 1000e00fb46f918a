-- The patients a stored Idempotency-Key response discloses, so an erasure can find and
-- redact them (a retry must never replay an erased patient's data).
alter table idempotency_key add column patient_ids uuid[] not null default '{}';
create index idempotency_key_patients on idempotency_key using gin (patient_ids);
