-- The emergency department: visits, their triage assessments, and the hospital's clinical alerts.

create table ed_visit (
    id                     uuid primary key,
    -- null while the patient is unidentified; then temporary_identity names them on the board
    patient_id             uuid,
    temporary_identity     text unique,
    unidentified_sex       text,
    unidentified_age_years int,
    chief_complaint        text,
    status                 text        not null,
    esi_computed           int,
    esi_level              int,
    esi_reason             text,
    esi_override_reason    text,
    arrived_at             timestamptz not null,
    triaged_at             timestamptz,
    seen_at                timestamptz,
    departed_at            timestamptz,
    disposition            text,
    identified_at          timestamptz,
    version                bigint      not null default 0
);
-- the board: everyone still in the department
create index ed_visit_in_department on ed_visit (arrived_at) where status <> 'DEPARTED';
create index ed_visit_patient on ed_visit (patient_id) where patient_id is not null;

-- Every triage of a visit (a re-triage adds one): the history that follows an identification.
create table triage_assessment (
    id               uuid primary key,
    visit_id         uuid        not null references ed_visit (id),
    inputs           jsonb       not null,
    computed_level   int         not null,
    level            int         not null,
    reason           text        not null,
    override_reason  text,
    triaged_by       text        not null,
    triaged_at       timestamptz not null
);
create index triage_assessment_visit on triage_assessment (visit_id, triaged_at);

create table alert (
    id               uuid primary key,
    patient_id       uuid,
    visit_id         uuid references ed_visit (id),
    severity         text        not null,
    source           text        not null,
    -- what raised it (a vitals set, a visit's triage): one alert per source record
    source_ref       uuid        not null,
    location         text        not null,
    reason           text        not null,
    status           text        not null,
    raised_at        timestamptz not null,
    acknowledged_at  timestamptz,
    acknowledged_by  text,
    escalated_at     timestamptz,
    version          bigint      not null default 0,
    unique (source, source_ref)
);
create index alert_open on alert (raised_at) where status = 'OPEN';
create index alert_patient on alert (patient_id) where patient_id is not null;
create index alert_visit on alert (visit_id) where visit_id is not null;
