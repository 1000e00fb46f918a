package org.hms.cli;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Dev-only access tokens, shaped like identity's: RS256, kid {@value #KID}, issuer
 * {@code $HMS_JWT_ISSUER} (default {@value #DEFAULT_ISSUER}), {@code sub} = {@code upn} = the
 * user (or the patient's id), {@code groups} = the one role, {@code patient_id} for a patient,
 * {@code iat}, {@code exp}, a random {@code jti}.
 */
final class DevTokens {

    static final String KID = "hms-dev";
    static final String DEFAULT_ISSUER = "hms-identity";
    static final String PATIENT = "patient";
    /** The roles of HMS (org.hms.platform.security.Roles), the one a token carries. */
    static final List<String> ROLES = List.of(
            "admin", "physician", "nurse", "receptionist", "pharmacist", "lab_technician", "billing_clerk", PATIENT);

    private final PrivateKey key;
    private final String issuer;

    DevTokens(PrivateKey key, String issuer) {
        this.key = key;
        this.issuer = issuer;
    }

    /** A request for a token; validated here so bad input never reaches the signer. */
    record Request(String role, Optional<UUID> patient, Duration ttl, Optional<String> user) {

        Request {
            if (!ROLES.contains(role)) {
                throw CliException.usage("unknown role " + role + " (valid: " + String.join(" ", ROLES) + ")");
            }
            if (role.equals(PATIENT) && patient.isEmpty()) {
                throw CliException.usage("role patient needs --patient <uuid>");
            }
            if (!role.equals(PATIENT) && patient.isPresent()) {
                throw CliException.usage("--patient is only for role patient");
            }
            if (ttl.isNegative() || ttl.isZero()) {
                throw CliException.usage("--ttl must be a positive number of seconds");
            }
            user.ifPresent(u -> {
                if (!u.matches("[A-Za-z0-9._-]+")) {
                    throw CliException.usage("--user takes letters, digits, . _ -");
                }
            });
        }

        String subject() {
            return patient.map(p -> p.toString().toLowerCase(Locale.ROOT)).orElse(user.orElse("dev-" + role));
        }
    }

    String mint(Request request, Instant now) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(request.subject());
        claims.setClaim("upn", request.subject());
        claims.setStringListClaim("groups", request.role());
        request.patient().ifPresent(p -> claims.setClaim("patient_id", p.toString()));
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(request.ttl()).getEpochSecond()));
        claims.setJwtId(UUID.randomUUID().toString());

        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        jws.setKeyIdHeaderValue(KID);
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new CliException("signing failed: " + e.getMessage());
        }
    }
}
