package org.hms.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Remembers bearer tokens already verified, until they expire (at most ten minutes). A
 * mobile or web client sends the same token with every request, and checking its RS256
 * signature again each time was a quarter of the CPU of a cached patient read. Only tokens
 * that verified are kept, keyed by their exact text, and an entry never outlives its
 * token's {@code exp}: a tampered or expired token is never answered from here.
 */
@Decorator
@Priority(10)
public class VerifiedTokenCache implements IdentityProvider<TokenAuthenticationRequest> {

    private static final Duration LONGEST = Duration.ofMinutes(10);

    private final Cache<String, SecurityIdentity> verified = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfter(Expiry.creating((String token, SecurityIdentity identity) -> untilExpiry(identity)))
            .build();

    @Inject
    @Delegate
    @Any
    IdentityProvider<TokenAuthenticationRequest> validator;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken().getToken();
        SecurityIdentity known = verified.getIfPresent(token);
        if (known != null && untilExpiry(known).isPositive()) {
            return Uni.createFrom().item(known);
        }
        return validator.authenticate(request, context).invoke(identity -> verified.put(token, identity));
    }

    private static Duration untilExpiry(SecurityIdentity identity) {
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(Instant.now(), Instant.ofEpochSecond(jwt.getExpirationTime()));
        return left.compareTo(LONGEST) > 0 ? LONGEST : left;
    }
}
