package org.hms.platform.security;

import java.util.Set;

/** The roles a token's {@code groups} claim may carry. Use these names in {@code @RolesAllowed}. */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String PHYSICIAN = "physician";
    public static final String NURSE = "nurse";
    public static final String RECEPTIONIST = "receptionist";
    public static final String PHARMACIST = "pharmacist";
    public static final String LAB_TECHNICIAN = "lab_technician";
    public static final String BILLING_CLERK = "billing_clerk";
    public static final String PATIENT = "patient";

    /** Every role a member of staff can hold, i.e. all but {@link #PATIENT}. */
    public static final Set<String> STAFF =
            Set.of(ADMIN, PHYSICIAN, NURSE, RECEPTIONIST, PHARMACIST, LAB_TECHNICIAN, BILLING_CLERK);

    /** The claim of a patient's token naming the patient it belongs to. */
    public static final String PATIENT_ID_CLAIM = "patient_id";

    private Roles() {}
}
