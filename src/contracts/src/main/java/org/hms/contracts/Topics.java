package org.hms.contracts;

/**
 * Topic names; partitions and retention are declared in the system descriptor ({@code hms.yaml}),
 * and {@code ./hms setup} creates them, each with its {@code .dlq} topic.
 */
public final class Topics {

    public static final String PATIENTS = "hms.patients";
    public static final String IDENTITY = "hms.identity";
    public static final String AUDIT = "hms.audit";
    public static final String SCHEDULING = "hms.scheduling";
    public static final String CLINICAL = "hms.clinical";
    public static final String EMERGENCY = "hms.emergency";

    /** Dead letters of a topic: messages that could not be processed, with the reason. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }

    private Topics() {}
}
