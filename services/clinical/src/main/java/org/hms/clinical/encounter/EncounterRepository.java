package org.hms.clinical.encounter;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;

/** Encounters, wards and beds in PostgreSQL. */
@ApplicationScoped
@WithSession
public class EncounterRepository implements PanacheRepositoryBase<Encounter, UUID> {

    private static final UUID NO_ENCOUNTER = new UUID(0, 0);

    /** Where a patient is: their in-progress encounters, newest first (an admission before a visit). */
    public Uni<List<Encounter>> inProgress(UUID patientId) {
        return list("#Encounter.inProgress", patientId, Encounter.Status.IN_PROGRESS,
                Encounter.EncounterClass.INPATIENT);
    }

    /**
     * The patient's in-progress encounters and {@code named} (any status), admissions first:
     * rows of id, class, status, ward code, ward name, bed.
     */
    public Uni<List<Object[]>> whereabouts(UUID patientId, UUID named) {
        return getSession().chain(s -> s.createNativeQuery("select e.id, e.encounter_class, e.status, e.ward_code,"
                        + " w.name, e.bed_label from encounter e left join ward w on w.code = e.ward_code"
                        + " where e.patient_id = ?1 and (e.status = 'IN_PROGRESS' or e.id = ?2)"
                        + " order by (e.encounter_class = 'INPATIENT') desc, e.started_at desc", Object[].class)
                .setParameter(1, patientId)
                .setParameter(2, named == null ? NO_ENCOUNTER : named) // a typed null
                .getResultList());
    }

    public Uni<Encounter> byAppointment(UUID appointmentId) {
        return find("#Encounter.byAppointment", appointmentId).firstResult();
    }

    /** The encounter, locked until the transaction ends: lifecycle changes of one encounter queue up. */
    public Uni<Encounter> forUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<List<Encounter>> ofPatient(UUID patientId, int page, int size) {
        return find("#Encounter.ofPatient", patientId).page(Page.of(page, size)).list();
    }

    public Uni<Long> countOfPatient(UUID patientId) {
        return count("#Encounter.countOfPatient", patientId);
    }

    public Uni<Ward> ward(String code) {
        return getSession().chain(s -> s.find(Ward.class, code));
    }

    public Uni<List<Ward>> wards() {
        return getSession().chain(s -> s.createNamedQuery("Ward.all", Ward.class).getResultList());
    }

    public Uni<Bed> bed(String ward, String label) {
        return getSession().chain(s -> s.find(Bed.class, new Bed.Key(ward, label)));
    }

    /**
     * Every bed of a ward with the in-progress encounter holding it, if any: rows of label,
     * status, encounter id, patient id.
     */
    public Uni<List<Object[]>> board(String ward) {
        return getSession().chain(s -> s.createNativeQuery("select b.label, b.status, e.id, e.patient_id from bed b"
                        + " left join encounter e on e.ward_code = b.ward_code and e.bed_label = b.label"
                        + " and e.status = 'IN_PROGRESS' where b.ward_code = ?1 order by length(b.label), b.label",
                        Object[].class)
                .setParameter(1, ward)
                .getResultList());
    }
}
