package org.hms.patients.patient;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hms.patients.patient.PatientFixtures.PATIENTS;
import static org.hms.patients.patient.PatientFixtures.body;
import static org.hms.patients.patient.PatientFixtures.register;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PatientReadTest {

    @Inject
    MeterRegistry registry;

    @Test
    void cliniciansAndTheDeskReadAPatientWithItsVersionAsETag() {
        UUID id = PatientFixtures.registerNew();
        for (String role : List.of("physician", "nurse", "receptionist", "admin")) {
            given().auth().oauth2(TestTokens.of(role)).get(PATIENTS + "/" + id)
                    .then()
                    .statusCode(200)
                    .header("ETag", "\"0\"")
                    .body("id", equalTo(id.toString()));
        }
    }

    @Test
    void aPatientReadsTheirOwnRecordAndNoOneElses() {
        UUID own = PatientFixtures.registerNew();
        UUID other = PatientFixtures.registerNew();
        given().auth().oauth2(TestTokens.patient(own)).get(PATIENTS + "/" + own)
                .then()
                .statusCode(200)
                .body("id", equalTo(own.toString()));
        given().auth().oauth2(TestTokens.patient(own)).get(PATIENTS + "/" + other)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void rolesWithoutBusinessInTheRecordAreRefused() {
        UUID id = PatientFixtures.registerNew();
        for (String role : List.of("pharmacist", "lab_technician", "billing_clerk")) {
            given().auth().oauth2(TestTokens.of(role)).get(PATIENTS + "/" + id).then().statusCode(403);
        }
        given().get(PATIENTS + "/" + id).then().statusCode(401);
    }

    @Test
    void anUnknownIdIsA404Problem() {
        given().auth().oauth2(TestTokens.of("nurse")).get(PATIENTS + "/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void aReadAfterAnUpdateNeverReturnsTheOldData() {
        Map<String, Object> body = body();
        Response created = register(body);
        String location = PATIENTS + "/" + created.<String>path("id");
        // warm the cache with version 0
        given().auth().oauth2(TestTokens.of("nurse")).get(location).then().statusCode(200);
        given().auth().oauth2(TestTokens.of("nurse")).get(location).then().statusCode(200);

        for (int i = 1; i <= 3; i++) {
            body.put("phone", "+48 700 000 00" + i);
            String etag = given().auth().oauth2(TestTokens.of("receptionist")).contentType(ContentType.JSON)
                    .header("If-Match", "\"" + (i - 1) + "\"")
                    .body(body)
                    .put(location)
                    .then()
                    .statusCode(200)
                    .extract()
                    .header("ETag");
            given().auth().oauth2(TestTokens.of("nurse")).get(location)
                    .then()
                    .statusCode(200)
                    .header("ETag", etag)
                    .body("phone", equalTo("+48 700 000 00" + i))
                    .body("version", equalTo(i));
        }
    }

    @Test
    void repeatedReadsAreServedFromTheCacheAndCounted() {
        UUID id = PatientFixtures.registerNew();
        double hitsBefore = count("hit");
        double missesBefore = count("miss");

        given().auth().oauth2(TestTokens.of("nurse")).get(PATIENTS + "/" + id).then().statusCode(200);
        given().auth().oauth2(TestTokens.of("nurse")).get(PATIENTS + "/" + id).then().statusCode(200);
        given().auth().oauth2(TestTokens.of("nurse")).get(PATIENTS + "/" + id).then().statusCode(200);

        assertThat(count("miss") - missesBefore).isGreaterThanOrEqualTo(1);
        assertThat(count("hit") - hitsBefore).isGreaterThanOrEqualTo(2);
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("hms_cache_requests_total{cache=\"patients\""));
    }

    private double count(String result) {
        var counter = registry.find("hms.cache.requests").tags("cache", "patients", "result", result).counter();
        return counter == null ? 0 : counter.count();
    }
}
