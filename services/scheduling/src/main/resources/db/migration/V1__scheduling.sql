-- Practitioners, their availability and their appointments.
create extension if not exists btree_gist;

create table practitioner (
    id           uuid primary key,
    -- {"family": "Nowak", "given": ["Adam"]}
    name         jsonb       not null,
    specialty    text        not null,
    user_id      uuid,
    -- {"timeZone": "Europe/Warsaw", "weekly": [...], "exceptions": [...]}; null until set
    availability jsonb,
    version      bigint      not null default 0,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now()
);
create index practitioner_specialty on practitioner (specialty);

create table appointment (
    id              uuid primary key,
    patient_id      uuid        not null,
    practitioner_id uuid        not null references practitioner (id),
    start_at        timestamptz not null,
    end_at          timestamptz not null,
    minutes         int         not null check (minutes between 5 and 480),
    status          text        not null check (status in ('BOOKED', 'CHECKED_IN', 'COMPLETED', 'CANCELLED', 'NO_SHOW')),
    type            text        not null,
    -- free text from the patient or desk: personal health information, removed on erasure
    reason          text,
    cancel_reason   text,
    -- the patient's personal data was erased: the row stays (the practitioner's history) but
    -- leaves every list
    patient_erased  boolean     not null default false,
    version         bigint      not null default 0,
    booked_at       timestamptz not null default now(),
    checked_in_at   timestamptz,
    completed_at    timestamptz,
    cancelled_at    timestamptz,
    updated_at      timestamptz not null default now(),
    check (end_at > start_at),
    -- Never a double booking, whatever the number of replicas or concurrent requests: among
    -- appointments that still hold their time (booked, checked in), a practitioner and a
    -- patient each appear at most once at any instant. ADR 012. A loser of a race gets
    -- SQLState 23P01 naming the constraint, which the service answers as a 409.
    constraint appointment_practitioner_taken exclude using gist (
        practitioner_id with =, tstzrange(start_at, end_at) with &&)
        where (status in ('BOOKED', 'CHECKED_IN')),
    constraint appointment_patient_taken exclude using gist (
        patient_id with =, tstzrange(start_at, end_at) with &&)
        where (status in ('BOOKED', 'CHECKED_IN'))
);
-- the practitioner's day and the patient's lists; the exclusion constraints' GiST indexes
-- serve the free-slot read (practitioner and time range)
create index appointment_patient_start on appointment (patient_id, start_at) where not patient_erased;
create index appointment_practitioner_start on appointment (practitioner_id, start_at);
