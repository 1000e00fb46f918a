package org.hms.platform.testapp;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.hms.platform.audit.Audit;
import org.hms.platform.audit.AuditEntry;
import org.hms.platform.events.Outbox;
import org.hms.platform.problem.Problem;
import org.hms.platform.problem.ProblemException;
import org.hms.platform.testapp.NoteDtos.NoteRequest;
import org.hms.platform.testapp.NoteDtos.NoteUpdate;
import org.hms.platform.testapp.NoteDtos.NoteView;
import org.hms.platform.web.Versions;

/** The rules of the test application: each write stores the note and its event together. */
@ApplicationScoped
public class NoteService {

    private final TestNoteRepository notes;
    private final Outbox outbox;
    private final Audit audit;

    public NoteService(TestNoteRepository notes, Outbox outbox, Audit audit) {
        this.notes = notes;
        this.outbox = outbox;
        this.audit = audit;
    }

    @WithTransaction
    public Uni<NoteView> write(NoteRequest request) {
        TestNote note = new TestNote();
        note.id = UUID.randomUUID();
        note.patientId = request.patientId();
        note.family = request.name().family();
        note.birthDate = request.birthDate();
        note.text = request.text();
        return notes.persistAndFlush(note)
                .chain(() -> outbox.add(written(note)))
                .call(() -> audit.record(new AuditEntry("create", "TestNote", note.id.toString(),
                        List.of(note.patientId), 201, null, null)))
                .call(notes::flush)
                .invoke(() -> failIfAsked(request))
                .map(ignored -> NoteView.of(note));
    }

    @WithSession
    public Uni<NoteView> find(UUID id) {
        return load(id).map(NoteView::of);
    }

    @WithTransaction
    public Uni<NoteView> rewrite(UUID id, long expectedVersion, NoteUpdate update) {
        return load(id)
                .invoke(note -> Versions.requireCurrent(expectedVersion, note.version))
                .invoke(note -> note.text = update.text())
                .call(notes::flush)
                .call(note -> outbox.add(written(note)))
                .map(NoteView::of);
    }

    private Uni<TestNote> load(UUID id) {
        return notes.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("note", id));
    }

    private static NoteWritten written(TestNote note) {
        return new NoteWritten(note.id, note.patientId, note.version, note.text);
    }

    private static void failIfAsked(NoteRequest request) {
        if (request.failAfterInsert()) {
            throw new ProblemException(
                    Problem.of("simulated-failure", "Conflict", 409, "failed after the insert, as the request asked"));
        }
    }
}
