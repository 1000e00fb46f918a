package org.hms.clinical.note;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hms.platform.problem.Problem;
import org.hms.platform.problem.ProblemException;

/**
 * A clinical note in SOAP sections. A draft changes freely; once signed it never changes (the
 * database refuses it too): a correction is an amendment, a new signed note that names it.
 */
@Entity
@Table(name = "note")
@NamedQuery(name = "Note.ofPatient", query = "from Note where patientId = ?1 order by createdAt desc, id")
@NamedQuery(name = "Note.amendmentsOf", query = "from Note where amends = ?1 order by signedAt, id")
public class Note {

    public static final String PROGRESS = "progress";
    public static final String NURSING = "nursing";
    static final String DRAFT = "draft";
    static final String SIGNED = "signed";

    @Id
    public UUID id;

    @Column(name = "patient_id")
    public UUID patientId;

    @Column(name = "encounter_id")
    public UUID encounterId;

    public String kind;

    public UUID amends;

    public String subjective;

    public String objective;

    public String assessment;

    public String plan;

    public String author;

    public String status;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "signed_at")
    public Instant signedAt;

    public long version;

    void write(NoteDtos.Soap soap) {
        requireDraft("edit");
        subjective = soap.subjective();
        objective = soap.objective();
        assessment = soap.assessment();
        plan = soap.plan();
        version++;
    }

    void sign(Instant at) {
        requireDraft("sign");
        status = SIGNED;
        signedAt = at;
        version++;
    }

    boolean isSigned() {
        return SIGNED.equals(status);
    }

    void requireDraft(String action) {
        if (isSigned()) {
            throw new ProblemException(Problem.of("note-signed", "Conflict", 409, "cannot " + action + " note " + id
                            + ": it is signed; correct it with an amendment (POST /api/v1/notes/" + id + "/amendments)")
                    .with("status", SIGNED));
        }
    }
}
