package org.hms.emergency.alert;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A clinical alert: a patient who needs urgent attention. Never on the wire. */
@Entity
@Table(name = "alert")
public class Alert {

    public enum Status {
        OPEN,
        ACKNOWLEDGED
    }

    public static final String CRITICAL = "critical";
    public static final String HIGH = "high";

    /** What raised the alert. */
    public static final String TRIAGE = "triage";

    public static final String NEWS2 = "news2";

    @Id
    public UUID id;

    @Column(name = "patient_id")
    public UUID patientId;

    @Column(name = "visit_id")
    public UUID visitId;

    public String severity;

    public String source;

    @Column(name = "source_ref")
    public UUID sourceRef;

    public String location;

    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text")
    public Status status;

    @Column(name = "raised_at")
    public Instant raisedAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "escalated_at")
    public Instant escalatedAt;

    @Version
    public long version;

    /** A new open alert; {@code sourceRef} is the record that raised it (one alert per record). */
    public static Alert raise(
            UUID patientId, UUID visitId, String severity, String source, UUID sourceRef, String location,
            String reason) {
        Alert alert = new Alert();
        alert.id = UUID.randomUUID();
        alert.patientId = patientId;
        alert.visitId = visitId;
        alert.severity = severity;
        alert.source = source;
        alert.sourceRef = sourceRef;
        alert.location = location;
        alert.reason = reason;
        alert.status = Status.OPEN;
        alert.raisedAt = Instant.now();
        return alert;
    }

    void acknowledge(String by, Instant at) {
        status = Status.ACKNOWLEDGED;
        acknowledgedBy = by;
        acknowledgedAt = at;
    }
}
