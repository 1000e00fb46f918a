package org.hms.clinical.note;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hms.clinical.encounter.EncounterRepository;
import org.hms.clinical.encounter.Location;
import org.hms.clinical.note.NoteDtos.NewNote;
import org.hms.clinical.note.NoteDtos.NoteResponse;
import org.hms.clinical.note.NoteDtos.Soap;
import org.hms.clinical.patient.ClinicalPatients;
import org.hms.contracts.clinical.NoteAmended;
import org.hms.contracts.clinical.NoteSigned;
import org.hms.platform.audit.Audit;
import org.hms.platform.audit.AuditEntry;
import org.hms.platform.events.Outbox;
import org.hms.platform.problem.Problem;
import org.hms.platform.problem.ProblemException;
import org.hms.platform.security.Roles;
import org.hms.platform.web.Versions;

/**
 * Clinical notes: drafts, signing (final from then on), amendments that keep the history.
 * Physicians write any note; nurses write, sign and amend nursing notes.
 */
@ApplicationScoped
public class NoteService {

    private final ClinicalPatients patients;
    private final EncounterRepository encounters;
    private final Outbox outbox;
    private final Audit audit;

    public NoteService(ClinicalPatients patients, EncounterRepository encounters, Outbox outbox, Audit audit) {
        this.patients = patients;
        this.encounters = encounters;
        this.outbox = outbox;
        this.audit = audit;
    }

    @WithSpan
    @WithTransaction
    public Uni<NoteResponse> write(NewNote request, SecurityIdentity author) {
        requireMayWrite(author, request.kind());
        requireContent(request.soap());
        return patients.requireActive(request.patientId(), "patientId")
                .chain(patient -> Location.of(encounters, patient.patientId(), request.encounterId()))
                .map(location -> draft(location.patientId(), location.encounterId(), request.kind(), null,
                        request.soap(), author.getPrincipal().getName()))
                .call(n -> Panache.getSession().chain(s -> s.persist(n)))
                .call(n -> audit.record(AuditEntry.patient("write-note", n.patientId, 201)))
                .map(NoteResponse::of);
    }

    @WithSpan
    @WithTransaction
    public Uni<NoteResponse> edit(UUID id, long expectedVersion, Soap soap, SecurityIdentity editor) {
        requireContent(soap);
        return forUpdate(id)
                .invoke(n -> requireMayWrite(editor, n.kind))
                .invoke(n -> n.requireDraft("edit")) // a signed note: 409, whatever the version
                .invoke(n -> Versions.requireCurrent(expectedVersion, n.version))
                .invoke(n -> n.write(soap))
                .call(n -> audit.record(AuditEntry.patient("edit-note", n.patientId, 200)))
                .map(NoteResponse::of);
    }

    @WithSpan
    @WithTransaction
    public Uni<NoteResponse> sign(UUID id, SecurityIdentity signer) {
        return forUpdate(id)
                .invoke(n -> requireMayWrite(signer, n.kind))
                .invoke(n -> n.sign(Instant.now()))
                .call(n -> outbox.add(new NoteSigned(n.id, n.patientId, n.encounterId, n.kind,
                        signer.getPrincipal().getName(), n.signedAt)))
                .call(n -> audit.record(AuditEntry.patient("sign-note", n.patientId, 200)))
                .map(NoteResponse::of);
    }

    /** A correction of a signed note: a new note, signed at once, naming the original (which stays as it was). */
    @WithSpan
    @WithTransaction
    public Uni<NoteResponse> amend(UUID id, Soap soap, SecurityIdentity author) {
        requireContent(soap);
        return forUpdate(id).chain(original -> {
            requireMayWrite(author, original.kind);
            if (!original.isSigned()) {
                throw new ProblemException(Problem.of("note-draft", "Conflict", 409, "note " + id
                        + " is a draft: edit it instead of amending it").with("status", Note.DRAFT));
            }
            String by = author.getPrincipal().getName();
            Note amendment = draft(original.patientId, original.encounterId, original.kind, original.id, soap, by);
            amendment.sign(Instant.now());
            return Panache.getSession().chain(s -> s.persist(amendment))
                    .call(() -> outbox.add(new NoteAmended(amendment.id, original.id, original.patientId, by,
                            amendment.signedAt)))
                    .call(() -> audit.record(AuditEntry.patient("amend-note", original.patientId, 201)))
                    .replaceWith(() -> NoteResponse.of(amendment));
        });
    }

    @WithSpan
    @WithSession
    public Uni<NoteResponse> read(UUID id) {
        return Panache.getSession().chain(s -> s.find(Note.class, id))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("note", id))
                .chain(note -> amendmentsOf(note.id).map(amendments -> NoteResponse.of(note, amendments)));
    }

    @WithSpan
    @WithSession
    public Uni<List<NoteResponse>> ofPatient(UUID patientId) {
        return Panache.getSession()
                .chain(s -> s.createNamedQuery("Note.ofPatient", Note.class).setParameter(1, patientId)
                        .getResultList())
                .map(found -> found.stream().map(NoteResponse::of).toList());
    }

    private Uni<List<NoteResponse>> amendmentsOf(UUID id) {
        return Panache.getSession()
                .chain(s -> s.createNamedQuery("Note.amendmentsOf", Note.class).setParameter(1, id).getResultList())
                .map(found -> found.stream().map(NoteResponse::of).toList());
    }

    private Uni<Note> forUpdate(UUID id) {
        return Panache.getSession().chain(s -> s.find(Note.class, id, LockModeType.PESSIMISTIC_WRITE))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("note", id));
    }

    private static Note draft(UUID patientId, UUID encounterId, String kind, UUID amends, Soap soap, String author) {
        Note n = new Note();
        n.id = UUID.randomUUID();
        n.patientId = patientId;
        n.encounterId = encounterId;
        n.kind = kind;
        n.amends = amends;
        n.subjective = soap.subjective();
        n.objective = soap.objective();
        n.assessment = soap.assessment();
        n.plan = soap.plan();
        n.author = author;
        n.status = Note.DRAFT;
        n.createdAt = Instant.now();
        return n;
    }

    /** A nurse writes nursing notes; progress notes are a physician's. */
    private static void requireMayWrite(SecurityIdentity who, String kind) {
        if (Note.PROGRESS.equals(kind) && !who.hasRole(Roles.PHYSICIAN)) {
            throw ProblemException.forbidden("progress notes are written and signed by physicians");
        }
    }

    private static void requireContent(Soap soap) {
        if (soap.isEmpty()) {
            throw ProblemException.badRequest("soap", "needs at least one of subjective, objective, assessment, plan");
        }
    }
}
