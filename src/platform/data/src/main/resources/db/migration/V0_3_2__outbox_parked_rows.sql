-- A row the broker can never take (too large, invalid topic...) is parked instead of blocking
-- every row behind it: the relay stamps parked_at and the reason, and skips it from then on.
-- An operator releases it (update outbox set parked_at = null ...) once the cause is fixed.
alter table outbox add column parked_at timestamptz;
alter table outbox add column park_reason text;
drop index outbox_pending;
create index outbox_pending on outbox (position) where sent_at is null and parked_at is null;
create index outbox_parked on outbox (parked_at) where parked_at is not null;
