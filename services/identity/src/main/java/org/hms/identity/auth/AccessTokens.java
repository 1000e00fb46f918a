package org.hms.identity.auth;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.hms.identity.config.IdentityConfig;
import org.hms.identity.keys.SigningKeys;
import org.hms.identity.user.UserAccount;
import org.hms.platform.security.Roles;

/**
 * Access tokens: RS256 JWTs signed with the current key (its kid in the header) that every
 * service verifies. They name the account ({@code sub} = user id, {@code upn} = username), its
 * roles ({@code groups}), a patient's own patient id, the session ({@code sid}), and live
 * minutes, not hours: roles changed or accounts disabled take effect at the next refresh.
 */
@ApplicationScoped
public class AccessTokens {

    /** The claim naming the practitioner an account belongs to. */
    public static final String PRACTITIONER_ID_CLAIM = "practitioner_id";
    /** The claim naming the session (token family) a token was issued in. */
    public static final String SESSION_ID_CLAIM = "sid";

    private final SigningKeys keys;
    private final String issuer;
    private final Duration lifespan;

    public AccessTokens(SigningKeys keys, IdentityConfig config) {
        this.keys = keys;
        this.issuer = config.token().issuer();
        this.lifespan = config.token().accessLifespan();
    }

    /** Seconds an access token is valid: the token response's {@code expires_in}. */
    public long lifespanSeconds() {
        return lifespan.toSeconds();
    }

    public String issue(UserAccount user, UUID sessionId) {
        Instant now = Instant.now();
        JwtClaimsBuilder claims = Jwt.issuer(issuer)
                .subject(user.id.toString())
                .upn(user.username)
                .groups(Set.copyOf(user.roleList()))
                .claim("name", user.displayName)
                .claim(SESSION_ID_CLAIM, sessionId.toString())
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plus(lifespan));
        if (user.isPatient() && user.patientId != null) {
            claims.claim(Roles.PATIENT_ID_CLAIM, user.patientId.toString());
        }
        if (user.practitionerId != null) {
            claims.claim(PRACTITIONER_ID_CLAIM, user.practitionerId.toString());
        }
        return claims.jws().keyId(keys.keyId()).algorithm(SignatureAlgorithm.RS256).sign(keys.signingKey());
    }
}
