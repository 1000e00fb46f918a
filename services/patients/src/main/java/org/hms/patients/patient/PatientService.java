package org.hms.patients.patient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hms.contracts.patients.PatientDetails;
import org.hms.contracts.patients.PatientErased;
import org.hms.contracts.patients.PatientMerged;
import org.hms.contracts.patients.PatientRegistered;
import org.hms.contracts.patients.PatientUpdated;
import org.hms.patients.patient.PatientRequests.DuplicateCandidate;
import org.hms.patients.patient.PatientRequests.ErasedPatient;
import org.hms.patients.patient.PatientRequests.MergedRecord;
import org.hms.patients.patient.PatientRequests.PatientExport;
import org.hms.platform.audit.Audit;
import org.hms.platform.audit.AuditEntry;
import org.hms.platform.events.Outbox;
import org.hms.platform.idempotency.IdempotencyKeys;
import org.hms.platform.problem.Problem;
import org.hms.platform.problem.ProblemException;
import org.hms.platform.web.Page;
import org.hms.platform.web.Versions;

/**
 * The registration desk's rules: register (refusing likely duplicates unless confirmed),
 * update, merge duplicates, erase on request, export. Each change, its event and its audit
 * record commit in one transaction; the cache entry is dropped after the commit.
 */
@ApplicationScoped
public class PatientService {

    /** The naming system of hospital-assigned MRNs; clients may not send it as an identifier. */
    public static final String MRN_SYSTEM = "mrn";

    /** Audit actions of the changes (as the resource's {@code @Audited} names them). */
    static final String CREATE = "create";
    static final String UPDATE = "update";
    static final String MERGE = "merge";
    static final String ERASE = "erase";

    /** The events that carry personal data: an erasure withdraws them from the outbox. */
    private static final List<String> EVENTS_WITH_PERSONAL_DATA =
            List.of(PatientRegistered.CONTRACT.type(), PatientUpdated.CONTRACT.type());

    private final PatientRepository patients;
    private final PatientCache cache;
    private final Outbox outbox;
    private final Audit audit;
    private final IdempotencyKeys idempotencyKeys;
    private final ObjectMapper json;
    private final Counter registrations;

    public PatientService(
            PatientRepository patients,
            PatientCache cache,
            Outbox outbox,
            Audit audit,
            IdempotencyKeys idempotencyKeys,
            ObjectMapper json,
            MeterRegistry registry) {
        this.patients = patients;
        this.cache = cache;
        this.outbox = outbox;
        this.audit = audit;
        this.idempotencyKeys = idempotencyKeys;
        this.json = json;
        this.registrations = registry.counter("hms.patients.registrations");
    }

    @WithSpan
    @WithTransaction
    public Uni<PatientResponse> register(PatientDetails details, boolean confirmedNotDuplicate) {
        refuseHospitalIdentifiers(details);
        return patients.lockBirthDate(details.birthDate())
                .chain(() -> confirmedNotDuplicate ? Uni.createFrom().voidItem() : refuseLikelyDuplicates(details))
                .chain(patients::nextMrn)
                .map(mrn -> Patient.register(UUID.randomUUID(), mrn, details))
                .call(patients::persist)
                .call(p -> outbox.add(new PatientRegistered(p.id, p.mrn, p.version, details)))
                .call(p -> audit.record(AuditEntry.patient(CREATE, p.id, 201)))
                .invoke(() -> registrations.increment())
                .map(PatientResponse::of);
    }

    @WithSpan
    public Uni<PatientRead> read(UUID id) {
        return cache.get(id).chain(cached -> cached != null ? Uni.createFrom().item(cached) : readFromDatabase(id));
    }

    /**
     * Name prefixes first (cheap, and what a desk types); only when nothing starts that way
     * does the search fall back to close misspellings.
     */
    @WithSpan
    public Uni<Page<PatientResponse>> search(PatientSearch search) {
        return Panache.withSession(() -> page(search, false)
                .chain(found -> found.total() == 0 && search.name() != null
                        ? page(search, true)
                        : Uni.createFrom().item(found)));
    }

    private Uni<Page<PatientResponse>> page(PatientSearch search, boolean fuzzy) {
        return patients.search(search, fuzzy)
                .map(found -> new Page<>(found.patients().stream().map(PatientResponse::of).toList(), search.page(),
                        search.size(), found.total()));
    }

    /** Replaces the demographics; the cache entry is dropped once the change has committed. */
    @WithSpan
    public Uni<PatientResponse> update(UUID id, long expectedVersion, PatientDetails details) {
        refuseHospitalIdentifiers(details);
        return recordUpdate(id, expectedVersion, details).call(cache::changed).map(PatientResponse::of);
    }

    /** The update's transaction: the version check (412 when stale), the change, its event and audit. */
    @WithTransaction
    Uni<Patient> recordUpdate(UUID id, long expectedVersion, PatientDetails details) {
        return activeForChange(id)
                .invoke(p -> Versions.requireCurrent(expectedVersion, p.version))
                .invoke(p -> p.record(details))
                .call(PatientService::flush)
                .call(p -> outbox.add(new PatientUpdated(p.id, p.mrn, p.version, details)))
                .call(p -> audit.record(AuditEntry.patient(UPDATE, p.id, 200)));
    }

    /** Retires {@code duplicateId} into {@code survivorId}; answers the survivor as it now is. */
    @WithSpan
    public Uni<PatientResponse> merge(UUID duplicateId, UUID survivorId) {
        if (duplicateId.equals(survivorId)) {
            throw ProblemException.badRequest("survivorId", "must be another patient than the one merged");
        }
        return recordMerge(duplicateId, survivorId).call(cache::changed).map(PatientResponse::of);
    }

    /** The merge's transaction: both records, both events, the audit; answers the survivor. */
    @WithTransaction
    Uni<Patient> recordMerge(UUID duplicateId, UUID survivorId) {
        return activeForChange(duplicateId).chain(duplicate -> activeForChange(survivorId)
                .invoke(duplicate::mergeInto)
                .call(PatientService::flush)
                .call(survivor -> outbox.add(
                        new PatientMerged(duplicate.id, survivor.id, survivor.mrn, duplicate.version)))
                .call(survivor -> outbox.add(
                        new PatientUpdated(survivor.id, survivor.mrn, survivor.version, survivor.details())))
                .call(survivor -> audit.record(
                        AuditEntry.patient(MERGE, duplicate.id, 200).patients(List.of(duplicate.id, survivor.id))))
                .call(() -> cache.changed(duplicate)));
    }

    /**
     * Erases the personal data of a patient (active or merged) and of every duplicate merged
     * into it, wherever this service still holds it: the records, the outbox rows not yet
     * published, stored Idempotency-Key responses, and (after the commit) the cache. Erasing
     * twice changes nothing.
     */
    @WithSpan
    public Uni<ErasedPatient> erase(UUID id, String erasedBy, String reason) {
        return Panache.withTransaction(() -> find(id).chain(p -> p.status == Patient.Status.ERASED
                        ? Uni.createFrom().item(new Erasure(p, List.of()))
                        : eraseWithDuplicates(p, erasedBy, reason)
                                .call(erased -> audit.record(AuditEntry.patient(ERASE, p.id, 200)
                                        .patients(erased.stream().map(e -> e.id).toList())))
                                .map(erased -> new Erasure(p, erased))))
                .call(erasure -> Multi.createFrom().iterable(erasure.erased())
                        .onItem()
                        .transformToUniAndConcatenate(cache::changed)
                        .collect()
                        .last())
                .map(erasure -> erased(erasure.patient()));
    }

    /** The patient asked for, and every patient erased with it (none when it was erased already). */
    private record Erasure(Patient patient, List<Patient> erased) {}

    @WithSpan
    public Uni<PatientExport> export(UUID id) {
        return Panache.withSession(() -> find(id).invoke(PatientService::requireActive)
                .chain(p -> patients.mergedInto(p.id)
                        .map(merged -> new PatientExport(Instant.now(), PatientResponse.of(p), "active", p.createdAt,
                                p.updatedAt, merged.stream()
                                        .map(m -> new MergedRecord(m.id, m.mrn, m.mergedAt))
                                        .toList()))));
    }

    private Uni<PatientRead> readFromDatabase(UUID id) {
        return Panache.withSession(() -> find(id)).chain(p -> switch (p.status) {
            case MERGED -> Uni.createFrom().item(new PatientRead.Merged(p.id, p.mergedInto));
            case ERASED -> Uni.createFrom().item(new PatientRead.Erased(erased(p)));
            case ACTIVE -> {
                PatientRead.Current current = new PatientRead.Current(write(PatientResponse.of(p)), p.version);
                yield cache.put(id, current).replaceWith(current);
            }
        });
    }

    /** Erases {@code p}, then what was merged into it (depth first); every patient erased. */
    private Uni<List<Patient>> eraseWithDuplicates(Patient p, String erasedBy, String reason) {
        return eraseOne(p, erasedBy, reason)
                .chain(() -> patients.mergedInto(p.id))
                .chain(merged -> Multi.createFrom().iterable(merged)
                        .select()
                        .where(d -> d.status == Patient.Status.MERGED)
                        .onItem()
                        .transformToUniAndConcatenate(d -> eraseWithDuplicates(d, erasedBy, reason))
                        .collect()
                        .asList())
                .map(nested -> {
                    List<Patient> erased = new ArrayList<>(List.of(p));
                    nested.forEach(erased::addAll);
                    return erased;
                });
    }

    /**
     * One record's personal data goes, in this transaction: the row's fields; its outbox rows
     * that carry them (published ones at once rather than at the next purge; unsent ones are
     * withdrawn, as a redacted registration would break its schema and a consumer must not
     * receive what is erased); stored Idempotency-Key responses that disclose it. Its
     * PatientErased event is added and still goes out.
     */
    private Uni<Void> eraseOne(Patient p, String erasedBy, String reason) {
        p.erase(erasedBy, reason);
        return flush(p)
                .chain(() -> outbox.forget(p.id.toString(), EVENTS_WITH_PERSONAL_DATA))
                .chain(() -> outbox.add(new PatientErased(p.id, p.erasedAt, p.version)))
                .chain(() -> idempotencyKeys.forgetPatient(p.id))
                .replaceWithVoid();
    }

    /**
     * A likely duplicate is refused with its candidates; disclosing them is audited (each
     * candidate's id) before the refusal leaves, on its own since the registration rolls back.
     */
    private Uni<Void> refuseLikelyDuplicates(PatientDetails details) {
        return patients.likelyDuplicates(details.name().text(), details.birthDate(), details.identifiers())
                .call(found -> found.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : audit.recordAlone(new AuditEntry(CREATE, AuditEntry.PATIENT, null,
                                found.stream().map(d -> d.id).toList(), 409, null, null)))
                .invoke(found -> {
                    if (!found.isEmpty()) {
                        throw new ProblemException(Problem.of("possible-duplicate", "Possible duplicate", 409,
                                        "this patient may already be registered; check the candidates, or register"
                                                + " anyway with ?confirmNotDuplicate=true")
                                .with("duplicates", found.stream().map(d -> candidate(d, details)).toList()));
                    }
                })
                .replaceWithVoid();
    }

    private static DuplicateCandidate candidate(Patient existing, PatientDetails details) {
        boolean sameIdentifier = existing.identifiers.items().stream().anyMatch(details.identifiers()::contains);
        return new DuplicateCandidate(existing.id, existing.mrn, existing.nameText, existing.birthDate,
                sameIdentifier ? "identifier" : "name-and-birth-date");
    }

    private static void refuseHospitalIdentifiers(PatientDetails details) {
        for (int i = 0; i < details.identifiers().size(); i++) {
            if (MRN_SYSTEM.equals(details.identifiers().get(i).system())) {
                throw ProblemException.badRequest("identifiers[" + i + "].system",
                        "mrn is assigned by the hospital and cannot be sent");
            }
        }
    }

    private Uni<Patient> find(UUID id) {
        return patients.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("patient", id));
    }

    /** The patient, if it can still change: merged records point elsewhere, erased ones are gone. */
    private Uni<Patient> activeForChange(UUID id) {
        return find(id).invoke(PatientService::requireActive);
    }

    private static void requireActive(Patient p) {
        if (p.status == Patient.Status.MERGED) {
            throw new ProblemException(Problem.of("patient-merged", "Conflict", 409,
                            "patient " + p.id + " was merged into " + p.mergedInto)
                    .with("survivorId", p.mergedInto));
        }
        if (p.status == Patient.Status.ERASED) {
            throw gone(p.id, p.erasedAt);
        }
    }

    static ProblemException gone(UUID id, Instant erasedAt) {
        return new ProblemException(Problem.of("patient-erased", "Gone", 410,
                        "the personal data of patient " + id + " was erased")
                .with("erasedAt", erasedAt));
    }

    private static ErasedPatient erased(Patient p) {
        return new ErasedPatient(p.id, p.mrn, "erased", p.erasedAt, p.version);
    }

    /** Writes pending changes now, so the entity's version is the one the event must carry. */
    private static Uni<Void> flush(Patient ignored) {
        return Panache.getSession().chain(s -> s.flush());
    }

    private String write(PatientResponse response) {
        try {
            return json.writeValueAsString(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
