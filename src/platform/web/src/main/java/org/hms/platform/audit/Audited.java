package org.hms.platform.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that reads or writes patient data, or another record whose every access
 * must be traceable (accounts). Every call to it, allowed, refused or failed, becomes an
 * {@code AuditRecorded} event (through the outbox to {@code hms.audit}) before the response
 * leaves. A write records its own in its transaction ({@link Audit#record}); the
 * {@link AuditFilter} records every other call.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Audited {

    /** What was done: read, search, create, update, merge, erase, export. */
    String action();

    /** The kind of record touched. */
    String resource() default "Patient";

    /** The path parameter naming the record (for patient data, the patient), used when the response does not say. */
    String idParam() default "id";

    /** Whether the record is patient data: its id then counts among the patients touched. */
    boolean patientData() default true;
}
