-- Tables of the platform's test application only (src/platform/src/test); never shipped.

-- What the test resource writes: a small patient-linked record with a version for If-Match.
create table test_note (
    id          uuid        primary key,
    patient_id  uuid        not null,
    family      text        not null,
    given       text[]      not null default '{}',
    birth_date  date        not null,
    text        text        not null,
    version     bigint      not null,
    created_at  timestamptz not null default now()
);
create index test_note_text on test_note (text);

-- The effect of the test consumer: one row per event it applied.
create table test_effect (
    id          bigserial   primary key,
    event_id    uuid        not null,
    subject     text        not null,
    payload     text        not null,
    applied_at  timestamptz not null default now()
);
create index test_effect_subject on test_effect (subject);

-- What the test application's PatientViewListener did: one row per reaction.
create table test_patient_reaction (
    id          bigserial   primary key,
    kind        text        not null,
    patient_id  uuid        not null,
    survivor_id uuid
);
create index test_patient_reaction_patient on test_patient_reaction (patient_id);
