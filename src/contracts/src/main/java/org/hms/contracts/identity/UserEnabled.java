package org.hms.contracts.identity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;
import org.hms.contracts.DomainEvent;
import org.hms.contracts.EventContract;
import org.hms.contracts.Topics;

/** A disabled account was enabled again. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserEnabled(UUID userId, String username, long version) implements DomainEvent {

    public static final EventContract CONTRACT =
            new EventContract("org.hms.identity.UserEnabled", 1, Topics.IDENTITY, UserEnabled.class);

    @Override
    public String subject() {
        return userId.toString();
    }
}
