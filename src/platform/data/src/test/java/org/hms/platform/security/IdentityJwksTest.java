package org.hms.platform.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hms.platform.testing.TestTokens;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;

/**
 * A service verifies tokens with the keys identity publishes as a JWKS, by kid, and follows a
 * key rotation without a restart. The JWKS here is served by a small HTTP server standing in
 * for identity's {@code /.well-known/jwks.json}; the test changes what it publishes through
 * that server's own HTTP endpoint (the server runs beside the Quarkus app, not inside it).
 */
@QuarkusTest
@TestProfile(IdentityJwksTest.KeysFromJwks.class)
class IdentityJwksTest {

    private static final String NEXT_KID = "hms-next";

    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    String jwksUrl;

    @Test
    void followsAKeyRotationWithoutRestart() throws Exception {
        KeyPair next = newRsaKeyPair();
        publish(Map.of(TestTokens.KEY_ID, devPublicKey()));

        assertThat(readNote(TestTokens.of(Roles.PHYSICIAN))).as("dev key, published").isEqualTo(404);
        String afterRotation = TestTokens.signedWith(next.getPrivate(), NEXT_KID, Roles.PHYSICIAN);
        assertThat(readNote(afterRotation)).as("next key, not yet published").isEqualTo(401);

        int fetchesBefore = fetches();
        publish(Map.of(TestTokens.KEY_ID, devPublicKey(), NEXT_KID, next.getPublic()));

        // jose4j refetches a set at most every 300 ms, so the first try may still see the old one
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(readNote(afterRotation))
                        .as("next key, published: an unknown kid refreshes the set")
                        .isEqualTo(404));
        assertThat(fetches()).as("the JWKS was fetched again").isGreaterThan(fetchesBefore);
        assertThat(readNote(TestTokens.of(Roles.NURSE))).as("the previous key still verifies").isEqualTo(404);
    }

    @Test
    void refusesATokenWhoseKidNamesAPublishedKeyItWasNotSignedWith() throws Exception {
        KeyPair impostor = newRsaKeyPair();
        publish(Map.of(TestTokens.KEY_ID, devPublicKey()));

        assertThat(readNote(TestTokens.signedWith(impostor.getPrivate(), TestTokens.KEY_ID, Roles.PHYSICIAN)))
                .isEqualTo(401);
        assertThat(readNote(TestTokens.signedWith(impostor.getPrivate(), "nobody-knows", Roles.PHYSICIAN)))
                .isEqualTo(401);
    }

    private static int readNote(String token) {
        return given().auth().oauth2(token).get("/test/notes/" + UUID.randomUUID()).statusCode();
    }

    private void publish(Map<String, PublicKey> keys) throws JoseException {
        List<JsonWebKey> jwks = new ArrayList<>();
        for (var key : keys.entrySet()) {
            RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) key.getValue());
            jwk.setKeyId(key.getKey());
            jwk.setAlgorithm("RS256");
            jwk.setUse("sig");
            jwks.add(jwk);
        }
        given().body(new JsonWebKeySet(jwks).toJson()).put(jwksUrl).then().statusCode(204);
    }

    private int fetches() {
        return Integer.parseInt(given().get(jwksUrl.replace("jwks.json", "fetches")).asString());
    }

    private static PublicKey devPublicKey() throws IOException, GeneralSecurityException {
        String base64 = Files.readString(TestTokens.publicKeyPath())
                .replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static KeyPair newRsaKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** The platform's production setting: keys from a JWKS URL, refreshed on an unknown kid. */
    public static class KeysFromJwks implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(JwksServer.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // every unknown kid may refresh the set at once (production: at most once a minute)
            return Map.of("smallrye.jwt.jwks.forced-refresh-interval", "0");
        }
    }

    /**
     * Serves a JWKS at {@code /jwks.json} (GET), replaced by PUT, and counts the GETs at
     * {@code /fetches}. Empty until the test publishes keys.
     */
    public static class JwksServer implements QuarkusTestResourceLifecycleManager {

        private HttpServer server;

        @Override
        public Map<String, String> start() {
            AtomicReference<byte[]> jwks = new AtomicReference<>("{\"keys\":[]}".getBytes(StandardCharsets.UTF_8));
            AtomicInteger fetches = new AtomicInteger();
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/jwks.json", exchange -> {
                if ("PUT".equals(exchange.getRequestMethod())) {
                    jwks.set(exchange.getRequestBody().readAllBytes());
                    exchange.sendResponseHeaders(204, -1);
                } else {
                    fetches.incrementAndGet();
                    byte[] body = jwks.get();
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
                exchange.close();
            });
            server.createContext("/fetches", exchange -> {
                byte[] body = Integer.toString(fetches.get()).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
            return Map.of("mp.jwt.verify.publickey.location", url);
        }

        @Override
        public void stop() {
            if (server != null) {
                server.stop(0);
            }
        }
    }
}
