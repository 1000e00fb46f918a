package org.hms.identity.keys;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.hms.contracts.EventSchemas;
import org.hms.identity.Accounts;
import org.hms.identity.Accounts.Account;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class JwksTest {

    @TestHTTPResource("/.well-known/jwks.json")
    URL jwksUrl;

    @Test
    void theJwksPublishesTheSigningKeyWithoutAToken() throws Exception {
        Response response = given().get("/.well-known/jwks.json");

        response.then().statusCode(200).contentType("application/json").header("Cache-Control", "public, max-age=300");
        JsonNode keys = EventSchemas.JSON.readTree(response.asString()).get("keys");
        assertThat(keys).hasSize(1);
        JsonNode key = keys.get(0);
        assertThat(key.get("kty").asText()).isEqualTo("RSA");
        assertThat(key.get("use").asText()).isEqualTo("sig");
        assertThat(key.get("alg").asText()).isEqualTo("RS256");
        assertThat(key.get("kid").asText()).isEqualTo("hms-dev");
        assertThat(key.get("e").asText()).isEqualTo("AQAB");
        assertThat(key.get("n").asText()).matches("[A-Za-z0-9_-]{342}"); // 2048 bits, no padding, no sign byte
        assertThat(Jwks.key(key)).isEqualTo(devPublicKey());
    }

    @Test
    void theJwksKeyVerifiesTokensIdentityIssuesAndNoOthers() throws Exception {
        Account physician = Accounts.create("physician");
        String token = Accounts.tokens(physician).path("access_token");
        RSAPublicKey key = Jwks.key(EventSchemas.JSON.readTree(given().get("/.well-known/jwks.json").asString())
                .get("keys").get(0));

        assertThat(Jwks.verifies(key, token)).isTrue();
        assertThat(Jwks.verifies(key, TestTokens.signedByAnotherKey("physician"))).isFalse();
    }

    @Test
    void aServiceCanVerifyTokensAgainstTheJwksUrlBySmallRyeJwt() throws Exception {
        Account nurse = Accounts.create("nurse");
        String token = Accounts.tokens(nurse).path("access_token");
        // what mp.jwt.verify.publickey.location=<identity>/.well-known/jwks.json sets up in a service
        DefaultJWTParser parser = new DefaultJWTParser(new JWTAuthContextInfo(jwksUrl.toString(), "hms-identity"));

        JsonWebToken verified = parser.parse(token);

        assertThat(verified.getName()).isEqualTo(nurse.username());
        assertThat(verified.getGroups()).containsExactly("nurse");
        for (String refused : List.of(TestTokens.signedByAnotherKey("nurse"), TestTokens.wrongIssuer("nurse"),
                TestTokens.expired("nurse"))) {
            assertThatThrownBy(() -> parser.parse(refused))
                    .isInstanceOf(ParseException.class);
        }
    }

    private static RSAPublicKey devPublicKey() throws Exception {
        Path pem = TestTokens.privateKeyPath().resolveSibling("jwt-public.pem");
        assertThat(Files.exists(pem)).isTrue();
        return SigningKeys.readPublicKey(pem);
    }
}
