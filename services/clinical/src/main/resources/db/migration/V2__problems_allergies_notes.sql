-- Problems (ICD-10), allergies and intolerances, clinical notes.

create table condition (
    id              uuid primary key,
    patient_id      uuid        not null,
    encounter_id    uuid references encounter (id),
    code            text        not null,
    display         text        not null,
    onset           date,
    clinical_status text        not null check (clinical_status in
                        ('active', 'recurrence', 'relapse', 'inactive', 'remission', 'resolved')),
    recorded_by     text        not null,
    recorded_at     timestamptz not null
);
create index condition_patient on condition (patient_id, recorded_at desc);

create table allergy (
    id                uuid primary key,
    patient_id        uuid        not null,
    substance_system  text        not null,
    substance_code    text        not null,
    substance_display text        not null,
    category          text        not null check (category in ('allergy', 'intolerance')),
    reaction          text,
    severity          text check (severity in ('mild', 'moderate', 'severe')),
    criticality       text        not null check (criticality in ('low', 'high', 'unable-to-assess')),
    recorded_by       text        not null,
    recorded_at       timestamptz not null
);
create index allergy_patient on allergy (patient_id, recorded_at desc);

-- A note is a draft until signed; a signed note never changes (a trigger refuses it even to
-- code that forgets): corrections are amendments, new signed notes pointing at the original.
create table note (
    id           uuid primary key,
    patient_id   uuid        not null,
    encounter_id uuid references encounter (id),
    kind         text        not null check (kind in ('progress', 'nursing')),
    amends       uuid references note (id),
    subjective   text,
    objective    text,
    assessment   text,
    plan         text,
    author       text        not null,
    status       text        not null check (status in ('draft', 'signed')),
    created_at   timestamptz not null,
    signed_at    timestamptz,
    version      bigint      not null default 0
);
create index note_patient on note (patient_id, created_at desc);
create index note_amends on note (amends) where amends is not null;

create function refuse_change_of_signed_note() returns trigger language plpgsql as $$
begin
    if old.status = 'signed' and (new.subjective, new.objective, new.assessment, new.plan, new.status, new.signed_at)
            is distinct from (old.subjective, old.objective, old.assessment, old.plan, old.status, old.signed_at) then
        raise exception 'note % is signed and cannot change', old.id using errcode = 'P0001';
    end if;
    return new;
end $$;
create trigger signed_note_is_immutable before update on note
    for each row execute function refuse_change_of_signed_note();
