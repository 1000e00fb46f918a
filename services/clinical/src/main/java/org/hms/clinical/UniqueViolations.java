package org.hms.clinical;

import io.vertx.pgclient.PgException;
import org.hibernate.exception.ConstraintViolationException;

/** Which unique constraint of PostgreSQL a failed write ran into, so it can be answered as a conflict. */
public final class UniqueViolations {

    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolations() {}

    /** The name of the unique constraint (or index) {@code failure} was caused by, or null. */
    public static String constraint(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return pg.getConstraint();
            }
            if (t instanceof ConstraintViolationException c && c.getConstraintName() != null) {
                return c.getConstraintName();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** Whether {@code failure} was caused by the unique constraint {@code name}. */
    public static boolean of(Throwable failure, String name) {
        return name.equals(constraint(failure));
    }
}
