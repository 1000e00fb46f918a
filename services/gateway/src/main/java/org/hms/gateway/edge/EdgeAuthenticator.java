package org.hms.gateway.edge;

import io.quarkus.logging.Log;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.hms.platform.security.TokenCache;

/**
 * Verifies bearer tokens at the edge with the key, issuer and groups claim the services use
 * ({@code mp.jwt.verify.*}), so a bad token is refused before any upstream sees it. A client
 * sends the same token with every call: its RS256 signature is checked once and the result kept
 * in the platform's {@link TokenCache}, as the services' VerifiedTokenCache does.
 *
 * <p>A token not seen before is verified on a worker thread: its key comes from identity's JWKS,
 * which the parser fetches over HTTP when the cached set is stale or lacks the token's kid.
 */
@ApplicationScoped
public class EdgeAuthenticator {

    private static final String BEARER = "Bearer ";

    private final JWTParser parser;
    private final Vertx vertx;
    private final TokenCache<Verified> verified = new TokenCache<>();

    public EdgeAuthenticator(JWTParser parser, Vertx vertx) {
        this.parser = parser;
        this.vertx = vertx;
    }

    private record Verified(String subject, Set<String> roles, long expiresAt) {}

    /** The caller of {@code request}; never fails: a bad token makes an anonymous caller. */
    public Future<Caller> identify(HttpServerRequest request, String clientIp) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return Future.succeededFuture(Caller.anonymous(clientIp, false));
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Future.succeededFuture(Caller.anonymous(clientIp, true));
        }
        String token = authorization.substring(BEARER.length()).trim();
        Verified known = verified.get(token);
        if (known != null) {
            return Future.succeededFuture(Caller.user(known.subject(), known.roles(), clientIp));
        }
        return vertx.executeBlocking(() -> verify(token), false).map(checked -> {
            if (checked == null) {
                return Caller.anonymous(clientIp, true);
            }
            verified.put(token, checked, checked.expiresAt());
            return Caller.user(checked.subject(), checked.roles(), clientIp);
        });
    }

    private Verified verify(String token) {
        try {
            JsonWebToken jwt = parser.parse(token);
            String subject = jwt.getSubject() != null ? jwt.getSubject() : jwt.getName();
            if (subject == null || jwt.getExpirationTime() <= 0) {
                return null;
            }
            Set<String> roles = jwt.getGroups() == null ? Set.of() : Set.copyOf(jwt.getGroups());
            return new Verified(subject, roles, jwt.getExpirationTime());
        } catch (ParseException | RuntimeException e) {
            // a bad token, or no key for it (identity's JWKS unreachable and nothing cached)
            Log.debugf("token refused at the edge: %s", e.getMessage());
            return null;
        }
    }
}
