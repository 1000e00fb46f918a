package org.hms.emergency.alert;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hms.emergency.EmergencyFixtures.arriveUnidentified;
import static org.hms.emergency.EmergencyFixtures.kafka;
import static org.hms.emergency.EmergencyFixtures.publish;

import io.quarkus.logging.Log;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hms.contracts.Topics;
import org.hms.contracts.clinical.VitalsAlertRaised;
import org.hms.platform.events.EventJson;
import org.hms.platform.events.Outbox;
import org.hms.platform.testing.KafkaEvents;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * NEWS2 alerts from clinical reach the live stream: VitalsAlertRaised on the real hms.clinical,
 * sent as the outbox relay sends it (and again, as a redelivery), becomes exactly one alert that
 * an SSE client connected to /api/v1/alerts/stream receives.
 */
@QuarkusTest
class AlertStreamTest {

    @TestHTTPResource("/api/v1/alerts/stream")
    URI stream;

    @Inject
    Outbox outbox;

    @Inject
    EventJson json;

    @Inject
    Pool pool;

    @Test
    void aVitalsAlertRedeliveredBecomesOneAlertThatTheStreamDelivers() throws Exception {
        try (SseClient client = new SseClient(stream, TestTokens.of("nurse"))) {
            assertThat(client.status()).isEqualTo(200);
            assertThat(client.contentType()).startsWith("text/event-stream");
            awaitLive(client);
            UUID patient = UUID.randomUUID();
            VitalsAlertRaised vitals = vitals(patient, 11, "high");
            String envelope = json.write(outbox.envelope(vitals));
            double duplicates = consumed("duplicate");

            Instant sent = Instant.now();
            kafka.sendAsRelay(Topics.CLINICAL, patient, envelope);
            kafka.sendAsRelay(Topics.CLINICAL, patient, envelope); // redelivered: applies nothing

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> client.data("alert-raised").stream().anyMatch(d -> d.contains(patient.toString())));
            Log.infof("vitals alert on the stream %d ms after it was sent to hms.clinical",
                    Duration.between(sent, Instant.now()).toMillis());
            String data = client.data("alert-raised").stream().filter(d -> d.contains(patient.toString())).findFirst()
                    .orElseThrow();
            assertThat(data).contains("\"severity\":\"critical\"", "\"location\":\"Cardiology A, bed 12\"",
                    "NEWS2 11 (high): respiratoryRate, spo2");
            await().atMost(Duration.ofSeconds(30)).until(() -> consumed("duplicate") > duplicates);
            assertThat(alertsFor(vitals.vitalsId())).as("one alert, however often the event came").isEqualTo(1);
            // this service's alert, by id: a system started with ./hms up shares the broker, consumes the
            // same event into its own database and announces an alert of its own on hms.emergency
            String alert = alertIdFor(vitals.vitalsId());
            assertThat(client.data("alert-raised").stream().filter(d -> d.contains(alert))).hasSize(1);
        }
    }

    /** Reports (does not assert) how long an ESI 1 triage takes to reach a connected stream: commit, relay, broker, hub. */
    @Test
    void anEsiOneTriageReachesTheStreamAndTheDelayIsReported() throws Exception {
        try (SseClient client = new SseClient(stream, TestTokens.of("physician"))) {
            awaitLive(client);
            List<Long> delays = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String visit = arriveUnidentified("latency probe");
                Instant start = Instant.now();
                org.hms.emergency.EmergencyFixtures.triage(visit, org.hms.emergency.EmergencyFixtures.triageLevel1())
                        .then().statusCode(200);
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5)).until(() -> client
                        .data("alert-raised").stream().anyMatch(d -> d.contains(visit)));
                delays.add(Duration.between(start, Instant.now()).toMillis());
            }
            java.util.Collections.sort(delays);
            Log.infof("ESI 1 triage POST to alert-raised on the stream (ms, 10 runs): median %d, max %d",
                    delays.get(5), delays.get(9));
        }
    }

    @Test
    void theStreamSendsAHeartbeatAtOnceSoProxiesSeeTraffic() throws Exception {
        try (SseClient client = new SseClient(stream, TestTokens.of("physician"))) {
            assertThat(client.status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> !client.data("heartbeat").isEmpty());
            assertThat(client.lines()).contains(":keep-alive");
        }
    }

    @Test
    void receptionistsAndBillingClerksMayNotWatchTheStream() throws Exception {
        for (String role : List.of("receptionist", "billing_clerk", "patient")) {
            try (SseClient client = new SseClient(stream, TestTokens.of(role))) {
                assertThat(client.status()).as(role).isEqualTo(403);
            }
        }
        given().accept("text/event-stream").get("/api/v1/alerts/stream").then().statusCode(401);
    }

    @Test
    void aClientAskingForJsonIsAuthorisedFirstThenToldTheStreamIsEventsOnly() {
        given().auth().oauth2(TestTokens.of("nurse")).accept("application/json").get("/api/v1/alerts/stream")
                .then()
                .statusCode(406)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.of("receptionist")).accept("application/json").get("/api/v1/alerts/stream")
                .then()
                .statusCode(403);
        given().accept("application/json").get("/api/v1/alerts/stream").then().statusCode(401);
    }

    @Test
    void aVitalsAlertThatCannotBeReadIsDeadLetteredAndTheNextOneStillArrives() {
        UUID patient = UUID.randomUUID();
        KafkaEvents.Mark dlq = kafka.mark(Topics.deadLetter(Topics.CLINICAL));

        kafka.sendAsRelay(Topics.CLINICAL, patient, "{\"id\": \"not an event\"");
        VitalsAlertRaised vitals = vitals(patient, 7, "high");
        publish(outbox, json, Topics.CLINICAL, vitals);

        ConsumerRecord<String, String> dead = kafka.awaitOne(dlq, KafkaEvents.key(patient));
        assertThat(KafkaEvents.header(dead, "dead-letter-reason")).contains("not valid JSON");
        await().atMost(Duration.ofSeconds(30)).until(() -> alertsFor(vitals.vitalsId()) == 1);
    }

    /** Waits until this replica's hub reads hms.emergency (its group is assigned): a probe arrival shows on the stream. */
    private static void awaitLive(SseClient client) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(3)).until(() -> {
            String probe = arriveUnidentified("stream probe");
            return waitFor(client, probe);
        });
    }

    private static boolean waitFor(SseClient client, String visit) {
        try {
            await().atMost(Duration.ofSeconds(3))
                    .until(() -> client.data("board-changed").stream().anyMatch(d -> d.contains(visit)));
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return false;
        }
    }

    static VitalsAlertRaised vitals(UUID patient, int score, String risk) {
        return new VitalsAlertRaised(UUID.randomUUID(), patient, UUID.randomUUID(), "Cardiology A", "12",
                Instant.now(), score, risk, Map.of("respiratoryRate", 3, "spo2", 3, "pulse", 2),
                List.of("respiratoryRate", "spo2"), Instant.now());
    }

    private String alertIdFor(UUID vitalsId) {
        return pool.preparedQuery("select id from alert where source = 'news2' and source_ref = $1")
                .execute(Tuple.of(vitalsId))
                .await().atMost(Duration.ofSeconds(10))
                .iterator().next().getValue(0).toString();
    }

    private long alertsFor(UUID vitalsId) {
        return pool.preparedQuery("select count(*) from alert where source = 'news2' and source_ref = $1")
                .execute(Tuple.of(vitalsId))
                .await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    /** hms_events_consumed_total of the clinical alerts consumer for one outcome, from /q/metrics. */
    private static double consumed(String outcome) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(l -> l.startsWith("hms_events_consumed_total{")
                        && l.contains("consumer=\"" + VitalsAlerts.CONSUMER + "\"")
                        && l.contains("outcome=\"" + outcome + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
