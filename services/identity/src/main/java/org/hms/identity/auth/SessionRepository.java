package org.hms.identity.auth;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Sessions (refresh token families) in PostgreSQL. */
@ApplicationScoped
@WithSession
public class SessionRepository implements PanacheRepositoryBase<TokenFamily, UUID> {

    /** Ends every open session of a user; answers how many there were. */
    public Uni<Integer> revokeAllOf(UUID userId, String reason) {
        return update("revokedAt = :now, revokedReason = :reason where userId = :user and revokedAt is null",
                Parameters.with("now", Instant.now()).and("reason", reason).and("user", userId));
    }

    /**
     * Deletes sessions that ended more than {@code after} ago, with their tokens (the foreign key
     * cascades): by then a replayed token of theirs is refused as expired anyway.
     */
    public Uni<Long> purgeEnded(Duration after) {
        return delete("expiresAt < ?1", Instant.now().minus(after));
    }
}
