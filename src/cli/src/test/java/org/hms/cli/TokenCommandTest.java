package org.hms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.UUID;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCommandTest {

    @TempDir
    Path home;

    @Test
    void aStaffTokenVerifiesWithThePublicKeyAndCarriesIdentitysClaims() throws Exception {
        Run run = Run.of("--hms-home", home.toString(), "token", "nurse", "--ttl", "600");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).hasSize(1);
        JwtClaims claims = verify(run.out().get(0));
        assertThat(claims.getIssuer()).isEqualTo("hms-identity");
        assertThat(claims.getSubject()).isEqualTo("dev-nurse");
        assertThat(claims.getStringClaimValue("upn")).isEqualTo("dev-nurse");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("nurse");
        assertThat(claims.hasClaim("patient_id")).isFalse();
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()).isEqualTo(600);
        assertThat(claims.getJwtId()).isNotBlank();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(run.out().get(0));
        assertThat(jws.getKeyIdHeaderValue()).isEqualTo("hms-dev");
        assertThat(jws.getAlgorithmHeaderValue()).isEqualTo("RS256");
        assertThat(jws.getHeader("typ")).isEqualTo("JWT");
    }

    @Test
    void aPatientTokenNamesThePatientInLowerCase() throws Exception {
        UUID patient = UUID.randomUUID();

        Run run = Run.of("--hms-home", home.toString(), "token", "patient", "--patient",
                patient.toString().toUpperCase());

        JwtClaims claims = verify(run.out().get(0));
        assertThat(claims.getSubject()).isEqualTo(patient.toString());
        assertThat(claims.getStringClaimValue("patient_id")).isEqualTo(patient.toString());
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("patient");
    }

    @Test
    void eachUserGetsATokenOfItsOwnOnItsOwnLine() throws Exception {
        Run run = Run.of("--hms-home", home.toString(), "token", "physician", "--user", "load-1", "--user", "load-2");

        assertThat(run.out()).hasSize(2);
        assertThat(verify(run.out().get(0)).getSubject()).isEqualTo("load-1");
        assertThat(verify(run.out().get(1)).getSubject()).isEqualTo("load-2");
    }

    @Test
    void aTokenSignedWithTheKeyOfAnotherHomeDoesNotVerify(@TempDir Path otherHome) throws Exception {
        Run.of("--hms-home", otherHome.toString(), "keys");
        String token = Run.of("--hms-home", otherHome.toString(), "token", "admin").out().get(0);
        Run.of("--hms-home", home.toString(), "keys");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> verify(token)).isInstanceOf(InvalidJwtException.class);
    }

    @Test
    void anUnknownRoleIsAUsageErrorAndCreatesNoKeys() {
        Run run = Run.of("--hms-home", home.toString(), "token", "janitor");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("unknown role janitor");
        assertThat(home.resolve("keys")).doesNotExist();
    }

    @Test
    void aPatientTokenNeedsThePatientsUuid() {
        assertThat(Run.of("--hms-home", home.toString(), "token", "patient").err()).contains("needs --patient");
        assertThat(Run.of("--hms-home", home.toString(), "token", "patient", "--patient", "42").err())
                .contains("--patient must be a UUID");
        assertThat(Run.of("--hms-home", home.toString(), "token", "nurse", "--patient", UUID.randomUUID().toString())
                        .exitCode())
                .isEqualTo(2);
    }

    @Test
    void existingKeysAreKeptSoTokensOfEarlierRunsStayValid() throws Exception {
        String before = Run.of("--hms-home", home.toString(), "token", "admin").out().get(0);
        String privateKey = Files.readString(home.resolve("keys/jwt-private.pem"));

        Run.of("--hms-home", home.toString(), "keys");

        assertThat(Files.readString(home.resolve("keys/jwt-private.pem"))).isEqualTo(privateKey);
        assertThat(verify(before).getSubject()).isEqualTo("dev-admin");
    }

    private JwtClaims verify(String token) throws Exception {
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKey(publicKey())
                .setExpectedIssuer("hms-identity")
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireJwtId()
                .build();
        return consumer.processToClaims(token);
    }

    private PublicKey publicKey() throws Exception {
        String pem = Files.readString(home.resolve("keys/jwt-public.pem"))
                .replace("-----BEGIN PUBLIC KEY-----", "")
                .replace("-----END PUBLIC KEY-----", "");
        byte[] der = Base64.getMimeDecoder().decode(pem);
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    }
}
