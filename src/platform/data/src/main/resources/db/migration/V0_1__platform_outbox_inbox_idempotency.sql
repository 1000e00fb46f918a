-- Platform tables every service has (shipped by src/platform; services number their own
-- migrations from V1, so these V0_x ones always sort first).

-- Transactional outbox: written in the same transaction as the change that caused the
-- event; the relay publishes pending rows in position order and stamps sent_at.
create table outbox (
    position    bigserial primary key,
    id          uuid        not null unique,
    topic       text        not null,
    message_key text        not null,
    type        text        not null,
    envelope    text        not null,
    created_at  timestamptz not null default now(),
    sent_at     timestamptz
);
create index outbox_pending on outbox (position) where sent_at is null;
create index outbox_sent on outbox (sent_at) where sent_at is not null;

-- Idempotent consumers: an event id recorded in the same transaction as its effect.
create table processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);

-- Idempotency-Key on POST: the first response, replayed to retries of the same request.
create table idempotency_key (
    scope          text        not null,
    key            text        not null,
    request_hash   text        not null,
    status         int,
    content_type   text,
    location       text,
    etag           text,
    body           text,
    created_at     timestamptz not null default now(),
    completed_at   timestamptz,
    primary key (scope, key)
);
create index idempotency_key_created on idempotency_key (created_at);
