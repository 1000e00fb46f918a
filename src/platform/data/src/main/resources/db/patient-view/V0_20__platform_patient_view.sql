-- The patient view (org.hms.platform.patientview): the facts about patients a service keeps
-- locally, fed by hms.patients. Shipped by the platform under db/patient-view, which only a
-- service that keeps the view lists in quarkus.flyway.locations (docs/patterns/patient-view.md);
-- the others never get the table.
create table patient_view (
    patient_id   uuid        primary key,
    mrn          text,
    -- "Zofia Maria Kowalska": for display only; null once merged away or erased
    display_name text,
    birth_date   date,
    gender       text,
    -- active | merged | erased; erased is final (late events never bring the data back)
    status       text        not null check (status in ('active', 'merged', 'erased')),
    -- for status merged: the record this one was retired into
    merged_into  uuid,
    -- the patient's version in the patients service: an older event never overwrites a newer one
    version      bigint      not null,
    updated_at   timestamptz not null default now()
);
create index patient_view_merged_into on patient_view (merged_into) where merged_into is not null;
