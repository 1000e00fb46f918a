package org.hms.platform.patientview;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hms.contracts.EventEnvelope;
import org.hms.contracts.patients.PatientDetails;
import org.hms.contracts.patients.PatientErased;
import org.hms.contracts.patients.PatientMerged;
import org.hms.contracts.patients.PatientRegistered;
import org.hms.contracts.patients.PatientUpdated;
import org.hms.platform.events.EventJson;
import org.hms.platform.events.IdempotentConsumer;
import org.hms.platform.events.MalformedEventException;

/**
 * A service's local copy of the patient facts it needs, fed by {@code hms.patients}:
 * registered and updated patients are inserted or updated, a merged record points at its
 * survivor (and a lookup of it answers the survivor), an erased one keeps only its id and MRN,
 * for good. Each event is applied once ({@link IdempotentConsumer}) and only if it is newer
 * than the row (events carry the patient's version), so redeliveries, replays and late events
 * change nothing. The service's {@link PatientViewListener}s react in the same transaction.
 */
@ApplicationScoped
public class PatientView {

    private static final String REGISTERED = PatientRegistered.CONTRACT.type();
    private static final String UPDATED = PatientUpdated.CONTRACT.type();
    private static final String MERGED = PatientMerged.CONTRACT.type();
    private static final String ERASED = PatientErased.CONTRACT.type();

    private final IdempotentConsumer consumer;
    private final EventJson json;
    private final PatientViewConfig config;
    private final List<PatientViewListener> listeners;

    public PatientView(
            IdempotentConsumer consumer,
            EventJson json,
            PatientViewConfig config,
            Instance<PatientViewListener> listeners) {
        this.consumer = consumer;
        this.json = json;
        this.config = config;
        this.listeners = listeners.stream().toList();
    }

    /**
     * The patient as this service knows them, or null if no event about them arrived yet. A
     * retired id answers its survivor (when the survivor is known); an erased one answers the
     * erased fact without personal data.
     */
    public Uni<PatientFact> find(UUID patientId) {
        return Panache.withSession(() -> follow(patientId, config.maxMergeHops()));
    }

    /** Applies one message of {@code hms.patients} once; what cannot be read fails (→ dead letter). */
    public Uni<Void> consume(String message) {
        return consumer.apply(config.consumer(), message, this::apply);
    }

    /**
     * Empties the view and forgets which events it applied, for a rebuild: then re-read
     * {@code hms.patients} from the beginning (a new consumer group with
     * {@code auto.offset.reset=earliest}; the topic is kept forever).
     */
    @WithTransaction
    public Uni<Void> clear() {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("delete from patient_view").executeUpdate()
                        .chain(() -> s.createNativeQuery("delete from processed_event where consumer = ?1")
                                .setParameter(1, config.consumer())
                                .executeUpdate()))
                .replaceWithVoid();
    }

    /** The effect of one event, inside the consumer's transaction. Other event types are ignored. */
    Uni<Void> apply(EventEnvelope event) {
        String type = event.type();
        if (REGISTERED.equals(type)) {
            PatientRegistered e = json.payload(event, PatientRegistered.class);
            return changed(require(e.patientId()), e.mrn(), e.version(), e.patient());
        }
        if (UPDATED.equals(type)) {
            PatientUpdated e = json.payload(event, PatientUpdated.class);
            return changed(require(e.patientId()), e.mrn(), e.version(), e.patient());
        }
        if (MERGED.equals(type)) {
            PatientMerged e = json.payload(event, PatientMerged.class);
            return merged(require(e.patientId()), require(e.survivorId()), e.version());
        }
        if (ERASED.equals(type)) {
            PatientErased e = json.payload(event, PatientErased.class);
            return erased(require(e.patientId()), e.version());
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> changed(UUID id, String mrn, long version, PatientDetails patient) {
        if (patient == null || patient.name() == null) {
            throw new MalformedEventException("patient event for " + id + " carries no demographics");
        }
        return update(id, version, entry -> entry.status() == PatientFact.Status.ACTIVE,
                entry -> entry.active(mrn, patient.name().text(), patient.birthDate(),
                        patient.gender() == null ? null : patient.gender().code(), version),
                entry -> each(l -> l.changed(entry.fact())));
    }

    private Uni<Void> merged(UUID retired, UUID survivor, long version) {
        return update(retired, version, entry -> entry.status() == PatientFact.Status.ACTIVE,
                entry -> entry.merged(survivor, version),
                entry -> each(l -> l.merged(retired, survivor)));
    }

    private Uni<Void> erased(UUID id, long version) {
        return update(id, version, entry -> entry.status() != PatientFact.Status.ERASED,
                entry -> entry.erased(version),
                entry -> each(l -> l.erased(id)));
    }

    /**
     * Loads (or starts) the row of {@code id}; if the event is newer than the row and the row's
     * state allows it, changes it, saves it and tells the listeners.
     */
    private Uni<Void> update(UUID id, long version, Predicate<PatientViewEntry> allowed,
            Consumer<PatientViewEntry> change, Function<PatientViewEntry, Uni<Void>> react) {
        return Panache.getSession().chain(session -> session.find(PatientViewEntry.class, id).chain(found -> {
            boolean isNew = found == null;
            PatientViewEntry entry = isNew ? PatientViewEntry.of(id) : found;
            if (!isNew && (version <= entry.version || !allowed.test(entry))) {
                return Uni.createFrom().voidItem(); // older than what the view holds, or after the end
            }
            change.accept(entry);
            return save(session, entry, isNew).chain(() -> react.apply(entry));
        }));
    }

    private static Uni<Void> save(Mutiny.Session session, PatientViewEntry entry, boolean isNew) {
        return (isNew ? session.persist(entry) : Uni.createFrom().voidItem()).chain(session::flush);
    }

    private Uni<Void> each(Function<PatientViewListener, Uni<Void>> reaction) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (PatientViewListener listener : listeners) {
            all = all.chain(() -> reaction.apply(listener)); // one after another: one session
        }
        return all;
    }

    private Uni<PatientFact> follow(UUID id, int hopsLeft) {
        return Panache.getSession().chain(s -> s.find(PatientViewEntry.class, id)).chain(entry -> {
            if (entry == null) {
                return Uni.createFrom().nullItem();
            }
            if (entry.status() != PatientFact.Status.MERGED || entry.mergedInto == null || hopsLeft == 0) {
                return Uni.createFrom().item(entry.fact());
            }
            return follow(entry.mergedInto, hopsLeft - 1)
                    .map(survivor -> survivor != null ? survivor : entry.fact());
        });
    }

    private static UUID require(UUID id) {
        if (id == null) {
            throw new MalformedEventException("patient event without patientId or survivorId");
        }
        return id;
    }
}
