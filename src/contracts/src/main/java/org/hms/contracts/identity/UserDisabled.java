package org.hms.contracts.identity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;
import org.hms.contracts.DomainEvent;
import org.hms.contracts.EventContract;
import org.hms.contracts.Topics;

/** An account was disabled: it can no longer sign in, and its sessions were revoked. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserDisabled(UUID userId, String username, long version) implements DomainEvent {

    public static final EventContract CONTRACT =
            new EventContract("org.hms.identity.UserDisabled", 1, Topics.IDENTITY, UserDisabled.class);

    @Override
    public String subject() {
        return userId.toString();
    }
}
