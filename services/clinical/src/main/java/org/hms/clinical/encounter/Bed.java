package org.hms.clinical.encounter;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * A bed of a ward, free or being cleaned. Whether it is occupied is not stored here: an
 * in-progress encounter holding it says so (and a unique index lets only one hold it).
 */
@Entity
@Table(name = "bed")
public class Bed {

    public enum Status {
        FREE,
        CLEANING
    }

    /** The bed's key: its ward and its label within the ward. */
    @Embeddable
    public record Key(@Column(name = "ward_code") String ward, @Column(name = "label") String label)
            implements Serializable {}

    @EmbeddedId
    public Key key;

    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text")
    public Status status = Status.FREE;
}
