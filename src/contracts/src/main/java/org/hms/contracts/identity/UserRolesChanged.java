package org.hms.contracts.identity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.UUID;
import org.hms.contracts.DomainEvent;
import org.hms.contracts.EventContract;
import org.hms.contracts.Topics;

/** An account's roles were replaced; tokens issued from now on carry {@code roles}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserRolesChanged(UUID userId, String username, List<String> roles, List<String> previousRoles, long version)
        implements DomainEvent {

    public static final EventContract CONTRACT =
            new EventContract("org.hms.identity.UserRolesChanged", 1, Topics.IDENTITY, UserRolesChanged.class);

    @Override
    public String subject() {
        return userId.toString();
    }
}
