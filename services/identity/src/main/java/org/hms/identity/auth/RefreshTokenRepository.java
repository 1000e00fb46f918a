package org.hms.identity.auth;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/** Refresh tokens in PostgreSQL, by the hash of the token. */
@ApplicationScoped
@WithSession
public class RefreshTokenRepository implements PanacheRepositoryBase<RefreshToken, String> {

    /**
     * The token of this token's hash, its row locked until the transaction ends: two refreshes
     * with one token are serialised, and the second one sees that the first used it.
     */
    public Uni<RefreshToken> lockByToken(String token) {
        return findById(RefreshToken.hash(token), LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<RefreshToken> findByToken(String token) {
        return findById(RefreshToken.hash(token));
    }
}
