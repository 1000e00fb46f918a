package org.hms.platform.testing;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/**
 * Bearer tokens for tests, shaped like the ones identity issues: RS256, key id {@code hms-dev},
 * issuer {@code hms-identity}, {@code upn}/{@code sub}, the role in {@code groups}, and for a
 * patient the {@code patient_id} claim. They are signed with the dev private key that
 * {@code ./hms setup} generates ({@code $HMS_HOME/keys/jwt-private.pem}, else
 * {@code ../../.hms/keys/jwt-private.pem}: tests run in their module's directory, two levels
 * below the repository root), the pair of the public key the services verify with.
 *
 * <p>The broken variants ({@link #expired}, {@link #wrongIssuer}, {@link #signedByAnotherKey},
 * {@link #tampered}) must all be answered 401.
 *
 * <pre>{@code
 * given().auth().oauth2(TestTokens.of(Roles.NURSE)).get("/api/v1/patients/" + id)
 * }</pre>
 *
 * Needs {@code io.quarkus:quarkus-smallrye-jwt-build} in test scope.
 */
public final class TestTokens {

    public static final String ISSUER = "hms-identity";
    public static final String KEY_ID = "hms-dev";
    private static final Duration LIFESPAN = Duration.ofMinutes(30);

    private static volatile PrivateKey devKey;
    private static volatile PrivateKey otherKey;

    private TestTokens() {}

    /** A valid token for user {@code test-<role>} holding {@code role}. */
    public static String of(String role) {
        return as("test-" + role, role);
    }

    /** A valid token for {@code user} holding {@code roles}. */
    public static String as(String user, String... roles) {
        return sign(claims(user, Set.of(roles)), devKey());
    }

    /** A valid token of a patient: role {@code patient} and the {@code patient_id} claim. */
    public static String patient(UUID patientId) {
        return sign(claims("patient-" + patientId, Set.of("patient")).claim("patient_id", patientId.toString()),
                devKey());
    }

    /** Signed correctly, but it expired an hour ago (well beyond any clock skew allowed). */
    public static String expired(String role) {
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        return sign(
                claims("test-" + role, Set.of(role))
                        .issuedAt(anHourAgo.minus(LIFESPAN))
                        .expiresAt(anHourAgo),
                devKey());
    }

    /** Signed with the dev key, but issued by someone other than identity. */
    public static String wrongIssuer(String role) {
        return sign(claims("test-" + role, Set.of(role)).issuer("https://attacker.example.org"), devKey());
    }

    /** Right claims, right key id, but signed by a key the services do not know. */
    public static String signedByAnotherKey(String role) {
        return sign(claims("test-" + role, Set.of(role)), otherKey());
    }

    /**
     * A valid token for {@code role} signed by {@code key} under key id {@code keyId}: what
     * identity issues after a key rotation, when the services must find the key by its kid.
     */
    public static String signedWith(PrivateKey key, String keyId, String role) {
        return claims("test-" + role, Set.of(role)).jws().keyId(keyId).algorithm(SignatureAlgorithm.RS256).sign(key);
    }

    /**
     * Signed with the dev key but under a key id identity does not publish: refused by a
     * service that verifies by kid against identity's JWKS (a single PEM key would accept it).
     */
    public static String unpublishedKeyId(String role) {
        return signedWith(devKey(), "not-published", role);
    }

    /**
     * A valid token whose payload was changed after signing: the role is swapped for
     * {@code admin} and the subject for another user, the signature left as it was.
     */
    public static String tampered(String role) {
        String[] parts = of(role).split("\\.");
        Base64.Decoder decoder = Base64.getUrlDecoder();
        String payload = new String(decoder.decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"" + role + "\"", "\"admin\"")
                .replace("test-" + role, "someone-else");
        String forged =
                Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + forged + "." + parts[2];
    }

    /** Where the dev private key is read from. */
    public static Path privateKeyPath() {
        String home = System.getenv("HMS_HOME");
        return Path.of(home == null || home.isBlank() ? "../../.hms" : home, "keys", "jwt-private.pem");
    }

    private static JwtClaimsBuilder claims(String user, Set<String> roles) {
        Instant now = Instant.now();
        return Jwt.issuer(ISSUER)
                .upn(user)
                .subject(user)
                .groups(roles)
                .issuedAt(now)
                .expiresAt(now.plus(LIFESPAN));
    }

    private static String sign(JwtClaimsBuilder claims, PrivateKey key) {
        return claims.jws().keyId(KEY_ID).algorithm(SignatureAlgorithm.RS256).sign(key);
    }

    /** Where the dev public key is read from (the pair of {@link #privateKeyPath()}). */
    public static Path publicKeyPath() {
        return privateKeyPath().resolveSibling("jwt-public.pem");
    }

    private static PrivateKey devKey() {
        if (devKey == null) {
            devKey = readPkcs8(privateKeyPath());
        }
        return devKey;
    }

    private static PrivateKey otherKey() {
        if (otherKey == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                otherKey = generator.generateKeyPair().getPrivate();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return otherKey;
    }

    private static PrivateKey readPkcs8(Path pem) {
        try {
            String base64 = Files.readString(pem)
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                    .replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException("no dev signing key at " + pem.toAbsolutePath().normalize()
                    + "; run ./hms setup (or set HMS_HOME)", e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(pem + " is not a PKCS#8 RSA private key", e);
        }
    }
}
