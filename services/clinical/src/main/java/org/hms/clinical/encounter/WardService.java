package org.hms.clinical.encounter;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import org.hms.clinical.encounter.EncounterRequests.NewWard;
import org.hms.clinical.encounter.EncounterRequests.WardResponse;
import org.hms.platform.audit.Audit;
import org.hms.platform.audit.AuditEntry;
import org.hms.platform.problem.Problem;
import org.hms.platform.problem.ProblemException;

/** Wards and their beds: the bed board, new wards (administration), beds back from cleaning. */
@ApplicationScoped
public class WardService {

    private final EncounterRepository encounters;
    private final Audit audit;

    public WardService(EncounterRepository encounters, Audit audit) {
        this.encounters = encounters;
        this.audit = audit;
    }

    @WithSpan
    @WithSession
    public Uni<BedBoard> board(String code) {
        return ward(code).chain(ward -> encounters.board(code).map(rows -> BedBoard.of(ward, rows)));
    }

    @WithSession
    public Uni<List<WardResponse>> wards() {
        return encounters.wards()
                .chain(wards -> Multi.createFrom().iterable(wards)
                        .onItem().transformToUniAndConcatenate(w -> encounters.board(w.code)
                                .map(rows -> new WardResponse(w.code, w.name, rows.size())))
                        .collect().asList());
    }

    @WithSpan
    @WithTransaction
    public Uni<WardResponse> create(NewWard request) {
        List<String> beds = List.copyOf(new LinkedHashSet<>(request.beds()));
        if (beds.size() != request.beds().size()) {
            throw ProblemException.badRequest("beds", "must not name a bed twice");
        }
        return encounters.ward(request.code())
                .invoke(existing -> {
                    if (existing != null) {
                        throw ProblemException.conflict("ward-exists", "ward " + request.code() + " exists already");
                    }
                })
                .chain(() -> Panache.getSession().chain(s -> {
                    Ward ward = new Ward();
                    ward.code = request.code();
                    ward.name = request.name();
                    return s.persist(ward).chain(s::flush).chain(() -> s.persistAll(beds.stream().map(label -> {
                        Bed bed = new Bed();
                        bed.key = new Bed.Key(ward.code, label);
                        return bed;
                    }).toArray()));
                }))
                .call(() -> audit.record(AuditEntry.of("create-ward", "Ward", request.code(), 201)))
                .replaceWith(new WardResponse(request.code(), request.name(), beds.size()));
    }

    /** A cleaned bed is free again; only a bed being cleaned can be. */
    @WithSpan
    @WithTransaction
    public Uni<BedBoard.BedState> cleaned(String ward, String label) {
        return encounters.bed(ward, label)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("bed", ward + "/" + label))
                .invoke(bed -> {
                    if (bed.status != Bed.Status.CLEANING) {
                        throw new ProblemException(Problem.of("bed-not-cleaning", "Conflict", 409,
                                "bed " + label + " of ward " + ward + " is not being cleaned").with("status",
                                bed.status.name().toLowerCase()));
                    }
                    bed.status = Bed.Status.FREE;
                })
                .call(() -> audit.record(AuditEntry.of("bed-cleaned", "Bed", ward + "/" + label, 200)))
                .map(bed -> new BedBoard.BedState(label, "free", null, null));
    }

    private Uni<Ward> ward(String code) {
        return encounters.ward(code).onItem().ifNull().failWith(() -> ProblemException.notFound("ward", code));
    }
}
