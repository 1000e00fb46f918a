package org.hms.clinical.vitals;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One complete set of vital signs and its NEWS2 aggregate and risk (stored for queries; the
 * per-parameter scores are recomputed from the values by {@link News2}). Never serialised to
 * clients: see {@link VitalsResponse}.
 */
@Entity
@Table(name = "vitals")
// named: parsed once at start-up, never on an event loop serving the first request
@NamedQuery(name = "Vitals.ofPatient", query = "from Vitals where patientId = ?1 order by takenAt desc, id desc")
@NamedQuery(name = "Vitals.countOfPatient", query = "select count(*) from Vitals where patientId = ?1")
public class Vitals {

    @Id
    public UUID id;

    @Column(name = "patient_id")
    public UUID patientId;

    @Column(name = "encounter_id")
    public UUID encounterId;

    @Column(name = "taken_at")
    public Instant takenAt;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "respiratory_rate")
    public int respiratoryRate;

    public int spo2;

    @Column(name = "spo2_scale")
    public short spo2Scale;

    @Column(name = "supplemental_oxygen")
    public boolean supplementalOxygen;

    @Column(name = "systolic_bp")
    public int systolicBp;

    public int pulse;

    public String consciousness;

    public BigDecimal temperature;

    @Column(name = "news2_score")
    public int news2Score;

    @Column(name = "news2_risk")
    public String news2Risk;

    News2.Observations observations() {
        return new News2.Observations(respiratoryRate, spo2, spo2Scale, supplementalOxygen, systolicBp, pulse,
                consciousness, temperature);
    }

    News2.Score news2() {
        return News2.score(observations());
    }
}
