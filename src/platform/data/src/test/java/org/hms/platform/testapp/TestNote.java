package org.hms.platform.testapp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.UUID;

/** A patient-linked record of the test application, versioned for If-Match. */
@Entity
@Table(name = "test_note")
public class TestNote {

    @Id
    public UUID id;

    @Column(name = "patient_id")
    public UUID patientId;

    public String family;

    @Column(name = "birth_date")
    public LocalDate birthDate;

    public String text;

    @Version
    public long version;
}
