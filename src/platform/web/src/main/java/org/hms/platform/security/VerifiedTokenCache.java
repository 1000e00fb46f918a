package org.hms.platform.security;

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
import org.eclipse.microprofile.jwt.JsonWebToken;

/** A service's token verification, answered from the {@link TokenCache} for tokens seen before. */
@Decorator
@Priority(10)
public class VerifiedTokenCache implements IdentityProvider<TokenAuthenticationRequest> {

    private final TokenCache<SecurityIdentity> verified = new TokenCache<>();

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
        SecurityIdentity known = verified.get(token);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return validator.authenticate(request, context).invoke(identity -> remember(token, identity));
    }

    private void remember(String token, SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            verified.put(token, identity, jwt.getExpirationTime());
        }
    }
}
