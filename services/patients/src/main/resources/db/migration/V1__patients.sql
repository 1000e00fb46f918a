-- The master patient index of the hospital.
create extension if not exists pg_trgm;
create extension if not exists unaccent;

-- Lower-case, accents and Polish/Nordic letters folded ("Łukasz Żółć" -> "lukasz zolc").
-- unaccent() is only STABLE; with an explicit dictionary it is safe to declare IMMUTABLE,
-- which lets the search column below be generated and indexed.
create function hms_fold(text) returns text
    language sql immutable parallel safe strict
    as $$ select lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

create sequence mrn_seq start with 1000000;

create table patient (
    id                 uuid primary key,
    mrn                text        not null unique,
    status             text        not null default 'ACTIVE' check (status in ('ACTIVE', 'MERGED', 'ERASED')),
    merged_into        uuid references patient (id),
    name               jsonb,
    name_text          text,
    search_name        text generated always as (hms_fold(name_text)) stored,
    birth_date         date,
    gender             text,
    identifiers        jsonb       not null default '{"items": []}',
    phone              text,
    phone_digits       text generated always as (regexp_replace(phone, '[^0-9]', '', 'g')) stored,
    email              text,
    address            jsonb,
    emergency_contact  jsonb,
    preferred_language text,
    version            bigint      not null default 0,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    merged_at          timestamptz,
    erased_at          timestamptz,
    erased_by          text,
    erasure_reason     text
);

create index patient_search_name_trgm on patient using gin (search_name gin_trgm_ops) where status = 'ACTIVE';
create index patient_birth_date on patient (birth_date) where status = 'ACTIVE';
create index patient_identifiers on patient using gin (identifiers jsonb_path_ops);
-- phone search compares the last 9 digits, so "+48 600 100 200" and "600100200" meet
create index patient_phone_tail on patient (right(phone_digits, 9));
create index patient_merged_into on patient (merged_into);
