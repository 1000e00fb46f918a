package org.hms.clinical.vitals;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A physician's documentation of the SpO2 scale a patient's vitals are scored on: scale 2 for a
 * hypercapnic respiratory failure target of 88-92 %. Without it, scale 1 is the only one allowed.
 */
@Entity
@Table(name = "oxygen_target")
public class Spo2Scale {

    @Id
    @Column(name = "patient_id")
    public UUID patientId;

    public short scale;

    public String reason;

    @Column(name = "set_by")
    public String setBy;

    @Column(name = "set_at")
    public Instant setAt;
}
