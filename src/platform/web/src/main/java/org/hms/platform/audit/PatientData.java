package org.hms.platform.audit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hms.platform.web.Page;

/**
 * A response body that holds patient data says whose, so the audit trail can name them and
 * an erasure can find stored copies of it. A {@link Page} of such bodies discloses all of them.
 */
public interface PatientData {

    List<UUID> patientIds();

    /** The patients a response body discloses (one record, or every item of a page), or null when it does not say. */
    static List<UUID> disclosedBy(Object body) {
        if (body instanceof PatientData data) {
            return data.patientIds();
        }
        if (body instanceof Page<?> page) {
            Set<UUID> ids = new LinkedHashSet<>();
            for (Object item : page.items()) {
                if (item instanceof PatientData data) {
                    ids.addAll(data.patientIds());
                }
            }
            return new ArrayList<>(ids);
        }
        return null;
    }
}
