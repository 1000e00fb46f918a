package org.hms.clinical.allergy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An allergy or intolerance to a coded substance (FHIR AllergyIntolerance). */
@Entity
@Table(name = "allergy")
@NamedQuery(name = "Allergy.ofPatient", query = "from Allergy where patientId = ?1 order by recordedAt desc, id")
public class Allergy {

    @Id
    public UUID id;

    @Column(name = "patient_id")
    public UUID patientId;

    @Column(name = "substance_system")
    public String substanceSystem;

    @Column(name = "substance_code")
    public String substanceCode;

    @Column(name = "substance_display")
    public String substanceDisplay;

    public String category;

    public String reaction;

    public String severity;

    public String criticality;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
