package org.hms.contracts.identity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import org.hms.contracts.DomainEvent;
import org.hms.contracts.EventContract;
import org.hms.contracts.Topics;

/**
 * An account was created. Never carries a password or its hash.
 *
 * @param roles the platform roles it holds (admin, physician, nurse, ..., patient)
 * @param practitionerId the practitioner (scheduling) this account belongs to, if any
 * @param patientId the patient this account belongs to, for role patient
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserCreated(
        UUID userId,
        String username,
        String displayName,
        List<String> roles,
        UUID practitionerId,
        UUID patientId,
        boolean enabled,
        long version)
        implements DomainEvent {

    public static final EventContract CONTRACT =
            new EventContract("org.hms.identity.UserCreated", 1, Topics.IDENTITY, UserCreated.class);

    @Override
    public String subject() {
        return userId.toString();
    }
}
