-- The hospital's accounts, and the sessions their refresh tokens keep alive.

create table app_user (
    id                   uuid primary key,
    -- lower case; compared as typed after lower-casing
    username             text        not null unique check (username = lower(username)),
    display_name         text        not null,
    roles                text[]      not null,
    practitioner_id      uuid,
    patient_id           uuid,
    enabled              boolean     not null default true,
    -- bcrypt, modular crypt format ($2a$12$...); never leaves this table
    password_hash        text        not null,
    must_change_password boolean     not null default false,
    password_changed_at  timestamptz not null,
    version              bigint      not null default 0,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    last_login_at        timestamptz
);
create index app_user_roles on app_user using gin (roles);
create index app_user_patient on app_user (patient_id) where patient_id is not null;

-- One sign-in starts a family of refresh tokens; each refresh replaces the token with the
-- next of the family. Revoking the family (logout, reuse of a replaced token, disabling the
-- account, a password change) ends the session.
create table token_family (
    id             uuid primary key,
    user_id        uuid        not null references app_user (id),
    created_at     timestamptz not null,
    -- the session's absolute end, however often it refreshes
    expires_at     timestamptz not null,
    revoked_at     timestamptz,
    revoked_reason text
);
create index token_family_user on token_family (user_id) where revoked_at is null;
create index token_family_expires on token_family (expires_at);

create table refresh_token (
    -- SHA-256 of the token (base64url): the token itself is never stored
    token_hash text primary key,
    family_id  uuid        not null references token_family (id) on delete cascade,
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    -- set when the token was exchanged for the next one; presenting it again is reuse
    used_at    timestamptz
);
create index refresh_token_family on refresh_token (family_id);
