package org.hms.emergency.alert;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hms.emergency.EmergencyFixtures.ALERTS;
import static org.hms.emergency.EmergencyFixtures.arriveUnidentified;
import static org.hms.emergency.EmergencyFixtures.kafka;
import static org.hms.emergency.EmergencyFixtures.post;
import static org.hms.emergency.EmergencyFixtures.triage;
import static org.hms.emergency.EmergencyFixtures.triageExample;
import static org.hms.emergency.EmergencyFixtures.triageLevel1;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hms.contracts.EventSchemas;
import org.hms.contracts.Topics;
import org.hms.platform.testing.KafkaEvents;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Acknowledgement and escalation of alerts (the test profile escalates after 3 s, checking every
 * second).
 */
@QuarkusTest
class AlertLifecycleTest {

    @Test
    void aClinicianAcknowledgesOnceAndASecondAcknowledgementIsAConflictNamingWhoHasIt() {
        String alert = triageAlertOf(arriveUnidentified("stab wound"), triageExample());

        post("physician", ALERTS + "/" + alert + "/acknowledge")
                .then()
                .statusCode(200)
                .body("status", equalTo("acknowledged"))
                .body("acknowledgedBy", equalTo("test-physician"))
                .body("acknowledgedAt", notNullValue());
        post("nurse", ALERTS + "/" + alert + "/acknowledge")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo("acknowledged"))
                .body("acknowledgedBy", equalTo("test-physician"));
        given().auth().oauth2(TestTokens.of("nurse")).queryParam("status", "open").queryParam("size", 100).get(ALERTS)
                .then()
                .statusCode(200)
                .body("items.status", everyItem(equalTo("open")));
    }

    @Test
    void anUnacknowledgedCriticalAlertEscalatesOnceOnly() throws Exception {
        KafkaEvents.Mark mark = kafka.mark(Topics.EMERGENCY);
        String alert = triageAlertOf(arriveUnidentified("anaphylaxis"), triageLevel1());
        Predicate<ConsumerRecord<String, String>> escalations =
                KafkaEvents.key(alert).and(KafkaEvents.containing("org.hms.emergency.AlertEscalated"));

        ConsumerRecord<String, String> escalated = kafka.awaitOne(mark, escalations);
        assertThat(EventSchemas.envelopeViolations(new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(escalated.value())))
                .isEmpty();
        Thread.sleep(3_000); // three more checks
        assertThat(kafka.since(mark).stream().filter(escalations)).hasSize(1);
        given().auth().oauth2(TestTokens.of("nurse")).queryParam("status", "open").queryParam("size", 100).get(ALERTS)
                .then()
                .statusCode(200);
        post("nurse", ALERTS + "/" + alert + "/acknowledge").then().statusCode(200).body("escalatedAt", notNullValue());
    }

    @Test
    void anAlertAcknowledgedInTimeNeverEscalates() throws Exception {
        KafkaEvents.Mark mark = kafka.mark(Topics.EMERGENCY);
        String alert = triageAlertOf(arriveUnidentified("overdose"), triageLevel1());
        post("nurse", ALERTS + "/" + alert + "/acknowledge").then().statusCode(200);

        Thread.sleep(5_000);

        assertThat(kafka.since(mark).stream().filter(KafkaEvents.key(alert)))
                .extracting(r -> r.value().contains("AlertEscalated"))
                .containsOnly(false);
    }

    @Test
    void unknownAlertsAre404AndOtherRolesAreRefused() {
        post("nurse", ALERTS + "/" + UUID.randomUUID() + "/acknowledge").then().statusCode(404);
        post("receptionist", ALERTS + "/" + UUID.randomUUID() + "/acknowledge").then().statusCode(403);
        given().auth().oauth2(TestTokens.of("billing_clerk")).get(ALERTS).then().statusCode(403);
        given().auth().oauth2(TestTokens.of("nurse")).queryParam("status", "closed").get(ALERTS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
    }

    /** Triages the visit (ESI 1 or 2) and answers the id of the alert it raised. */
    private static String triageAlertOf(String visit, java.util.Map<String, Object> triage) {
        triage(visit, triage).then().statusCode(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> given().auth().oauth2(TestTokens.of("nurse"))
                .queryParam("visitId", visit).get(ALERTS).then().extract().<Integer>path("total") == 1);
        return given().auth().oauth2(TestTokens.of("nurse")).queryParam("visitId", visit).get(ALERTS)
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].id");
    }
}
