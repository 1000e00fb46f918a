package org.hms.identity.keys;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hms.identity.Accounts.USERS;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.hms.contracts.EventSchemas;
import org.hms.identity.Accounts;
import org.hms.identity.Accounts.Account;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A key rotation in progress: identity signs with a new key (kid hms-next) and still publishes
 * the previous one (hms-dev), and verifies by kid from a JWK set holding both. Tokens signed
 * with either key are accepted, so nobody is signed out by the switch.
 */
@QuarkusTest
@TestProfile(KeyRotationTest.Rotation.class)
class KeyRotationTest {

    @Test
    void theJwksPublishesTheNewKeyFirstAndThePreviousOneBesideIt() throws Exception {
        JsonNode keys = EventSchemas.JSON.readTree(given().get("/.well-known/jwks.json").asString()).get("keys");

        assertThat(keys).extracting(k -> k.get("kid").asText()).containsExactly("hms-next", "hms-dev");
        assertThat(Jwks.key(keys.get(1))).isEqualTo(SigningKeys.readPublicKey(Rotation.devPublicKey()));
    }

    @Test
    void newTokensCarryTheNewKeyAndTokensOfThePreviousKeyStillWork() throws Exception {
        Account admin = Accounts.create("admin"); // created with a token of the previous key
        String token = Accounts.tokens(admin).path("access_token");

        assertThat(Accounts.header(token).get("kid").asText()).isEqualTo("hms-next");
        RSAPublicKey next = Jwks.key(EventSchemas.JSON.readTree(given().get("/.well-known/jwks.json").asString())
                .get("keys").get(0));
        assertThat(Jwks.verifies(next, token)).isTrue();
        given().auth().oauth2(token).get(USERS + "/me").then().statusCode(200);
        given().auth().oauth2(TestTokens.of("admin")).get(USERS).then().statusCode(200);
        given().auth().oauth2(TestTokens.signedByAnotherKey("admin")).get(USERS).then().statusCode(401);
    }

    /** Generates the next key pair and the JWK set services verify with during the rotation. */
    public static class Rotation implements QuarkusTestProfile {

        static final Path DIR = Path.of("target", "key-rotation").toAbsolutePath();

        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Files.createDirectories(DIR);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair next = generator.generateKeyPair();
                Path privateKey = DIR.resolve("next-private.pem");
                Files.writeString(privateKey, "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder().encodeToString(next.getPrivate().getEncoded())
                        + "\n-----END PRIVATE KEY-----\n");
                Path jwks = DIR.resolve("jwks.json");
                Files.writeString(jwks, EventSchemas.JSON.writeValueAsString(Map.of("keys", List.of(
                        jwk("hms-next", (RSAPublicKey) next.getPublic()),
                        jwk("hms-dev", SigningKeys.readPublicKey(devPublicKey()))))));
                return Map.of(
                        "hms.identity.keys.signing-key-location", privateKey.toString(),
                        "hms.identity.keys.signing-key-id", "hms-next",
                        "hms.identity.keys.verification.\"hms-dev\"", devPublicKey().toString(),
                        "mp.jwt.verify.publickey.location", jwks.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        static Path devPublicKey() {
            return TestTokens.privateKeyPath().resolveSibling("jwt-public.pem").toAbsolutePath().normalize();
        }

        private static Map<String, String> jwk(String kid, RSAPublicKey key) {
            return Map.of("kty", "RSA", "use", "sig", "alg", "RS256", "kid", kid,
                    "n", SigningKeys.base64url(key.getModulus()), "e", SigningKeys.base64url(key.getPublicExponent()));
        }
    }
}
