package org.hms.platform.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.UUID;
import org.hms.platform.security.Roles;
import org.hms.platform.testapp.Notes;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Every response carries an {@code X-Request-Id}, the caller's own when it sent a sane one. */
@QuarkusTest
class RequestIdsTest {

    @Test
    void aResponseCarriesARequestIdEvenWhenTheCallerSentNone() {
        Response response =
                given().auth().oauth2(TestTokens.of(Roles.NURSE)).get(Notes.NOTES + "/" + UUID.randomUUID());

        assertThat(response.header(RequestIds.HEADER)).isNotBlank();
    }

    @Test
    void aSaneRequestIdFromTheCallerIsEchoed() {
        String id = "web-client:" + UUID.randomUUID();

        Response response = given().header(RequestIds.HEADER, id).get(Notes.NOTES + "/" + UUID.randomUUID());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.header(RequestIds.HEADER)).isEqualTo(id);
    }

    @Test
    void anInsaneRequestIdIsReplacedByAFreshOne() {
        String insane = "<script>alert(1)</script>";

        Response response = given().auth().oauth2(TestTokens.of(Roles.NURSE))
                .header(RequestIds.HEADER, insane)
                .get(Notes.NOTES + "/" + UUID.randomUUID());

        assertThat(response.header(RequestIds.HEADER)).isNotEqualTo(insane);
        assertThat(UUID.fromString(response.header(RequestIds.HEADER))).isNotNull();
    }
}
