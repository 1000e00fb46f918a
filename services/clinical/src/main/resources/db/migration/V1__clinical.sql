-- The electronic health record of the hospital (docs/adr/013-bed-board-and-chart.md).

-- Wards and their beds. Seeded below for development; a bed is FREE or CLEANING here, and
-- OCCUPIED while an in-progress encounter holds it (derived, never stored twice).
create table ward (
    code text primary key,
    name text not null
);

create table bed (
    ward_code text not null references ward (code),
    label     text not null,
    status    text not null default 'FREE' check (status in ('FREE', 'CLEANING')),
    primary key (ward_code, label)
);

create table encounter (
    id                uuid primary key,
    patient_id        uuid        not null,
    encounter_class   text        not null check (encounter_class in ('OUTPATIENT', 'INPATIENT')),
    status            text        not null check (status in ('IN_PROGRESS', 'FINISHED')),
    appointment_id    uuid unique,
    practitioner_id   uuid,
    reason            text,
    ward_code         text,
    bed_label         text,
    started_at        timestamptz not null,
    ended_at          timestamptz,
    discharge_summary text,
    version           bigint      not null default 0,
    foreign key (ward_code, bed_label) references bed (ward_code, label),
    check ((ward_code is null) = (bed_label is null)),
    check (encounter_class = 'INPATIENT' or ward_code is null)
);

-- The bed board's guarantee: one bed, at most one patient in it. The loser of a race for a
-- bed fails on this index (answered 409), whatever the application checked before.
create unique index encounter_bed_taken on encounter (ward_code, bed_label) where status = 'IN_PROGRESS';
-- and one patient is admitted at most once at a time
create unique index encounter_one_admission on encounter (patient_id)
    where status = 'IN_PROGRESS' and encounter_class = 'INPATIENT';
create index encounter_patient on encounter (patient_id, started_at desc);

-- Sets of vital signs (FHIR Observation panels; LOINC codes in VitalsResponse) with their NEWS2.
create table vitals (
    id                  uuid primary key,
    patient_id          uuid         not null,
    encounter_id        uuid references encounter (id),
    taken_at            timestamptz  not null,
    recorded_at         timestamptz  not null,
    recorded_by         text         not null,
    respiratory_rate    int          not null,
    spo2                int          not null,
    spo2_scale          smallint     not null,
    supplemental_oxygen boolean      not null,
    systolic_bp         int          not null,
    pulse               int          not null,
    consciousness       text         not null,
    temperature         numeric(3,1) not null,
    news2_score         int          not null,
    news2_risk          text         not null
);
create index vitals_patient on vitals (patient_id, taken_at desc, id);

-- What a physician documented about a patient that changes how vitals are scored: a
-- hypercapnic respiratory failure target (88-92 %), which allows SpO2 scale 2.
create table oxygen_target (
    patient_id uuid primary key,
    scale      smallint    not null check (scale in (1, 2)),
    reason     text        not null,
    set_by     text        not null,
    set_at     timestamptz not null
);

-- The chart's version per patient: raised by every change that alters the chart, so the
-- Redis copy (VersionedCache) is dropped and never refilled with an older chart.
create table chart_version (
    patient_id uuid primary key,
    version    bigint not null
);

insert into ward (code, name) values
    ('CARD-A', 'Cardiology A'),
    ('MED-1', 'General Medicine 1'),
    ('SURG-2', 'Surgery 2');
insert into bed (ward_code, label)
    select w.code, b.label
    from ward w cross join (values ('1'), ('2'), ('3'), ('4'), ('5'), ('6'), ('7'), ('8'), ('9'), ('10'), ('11'), ('12')) b (label);
