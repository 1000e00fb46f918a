package org.hms.identity.patient;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hms.identity.Accounts.USERS;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hms.contracts.DomainEvent;
import org.hms.contracts.EventSchemas;
import org.hms.contracts.Topics;
import org.hms.contracts.patients.Gender;
import org.hms.contracts.patients.HumanName;
import org.hms.contracts.patients.PatientDetails;
import org.hms.contracts.patients.PatientErased;
import org.hms.contracts.patients.PatientMerged;
import org.hms.contracts.patients.PatientRegistered;
import org.hms.identity.Accounts;
import org.hms.identity.Accounts.Account;
import org.hms.platform.events.EventJson;
import org.hms.platform.events.Outbox;
import org.hms.platform.testing.KafkaEvents;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Identity keeps a patient view fed by the real {@code hms.patients} topic. These tests publish
 * patient events there as the patients service does (the outbox's CloudEvents envelope, keyed by
 * patient, content-type application/cloudevents+json) and look at what happens to accounts.
 */
@QuarkusTest
class PatientAccountsTest {

    static final KafkaEvents kafka = new KafkaEvents();
    static final String CONSUMER = "identity.patient-view";

    @Inject
    Outbox outbox;

    @Inject
    EventJson json;

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    @Test
    void anErasedPatientsAccountIsDisabledOncePublishingOneUserDisabledAndCannotSignIn() {
        UUID patient = UUID.randomUUID();
        Account account = Accounts.patient(patient);
        KafkaEvents.Mark identityEvents = kafka.mark(Topics.IDENTITY);
        double duplicatesBefore = consumed("duplicate");
        String erasure = event(new PatientErased(patient, Instant.now(), 1));

        publish(registered(patient));
        send(patient, erasure);
        send(patient, erasure); // redelivered: applies nothing

        await().atMost(Duration.ofSeconds(30)).until(() -> !enabled(account));
        // the account's UserCreated may reach the topic after the mark (the relay is asynchronous)
        Predicate<ConsumerRecord<String, String>> disabledEvents =
                KafkaEvents.key(account.id()).and(KafkaEvents.containing("org.hms.identity.UserDisabled"));
        JsonNode disabled = read(kafka.awaitOne(identityEvents, disabledEvents).value());
        assertThat(disabled.path("type").asText()).isEqualTo("org.hms.identity.UserDisabled");
        assertThat(EventSchemas.envelopeViolations(disabled)).isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> consumed("duplicate") > duplicatesBefore);
        assertThat(kafka.since(identityEvents).stream().filter(disabledEvents))
                .as("the redelivered erasure published nothing more")
                .hasSize(1);
        assertThat(user(account).path("version").asInt()).as("changed once").isEqualTo(1);
        given().contentType(ContentType.JSON)
                .body(Map.of("username", account.username(), "password", account.password()))
                .post(Accounts.TOKEN)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void aMergedPatientsAccountFollowsTheSurvivor() {
        UUID retired = UUID.randomUUID();
        UUID survivor = UUID.randomUUID();
        Account account = Accounts.patient(retired);

        publish(registered(retired), new PatientMerged(retired, survivor, "P1000015", 1));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> survivor.toString().equals(user(account).path("patientId").asText()));
        assertThat(enabled(account)).isTrue();
    }

    @Test
    void aMalformedPatientEventIsDeadLetteredWithTheReasonAndTheNextEventIsStillApplied() {
        UUID patient = UUID.randomUUID();
        Account account = Accounts.patient(patient);
        KafkaEvents.Mark dlq = kafka.mark(Topics.deadLetter(Topics.PATIENTS));

        send(patient, "{\"id\": \"this is not an event\"");
        publish(new PatientErased(patient, Instant.now(), 1));

        ConsumerRecord<String, String> dead = kafka.awaitOne(dlq, KafkaEvents.key(patient));
        assertThat(KafkaEvents.header(dead, "dead-letter-reason")).contains("not valid JSON");
        await().atMost(Duration.ofSeconds(30)).until(() -> !enabled(account));
    }

    private static PatientRegistered registered(UUID id) {
        return new PatientRegistered(id, "P1000007", 0, new PatientDetails(
                new HumanName("Kowalska", List.of("Zofia")), LocalDate.of(1984, 3, 7), Gender.FEMALE, List.of(),
                null, null, null, null, null));
    }

    /** The event as the patients service's outbox writes it. */
    private String event(DomainEvent event) {
        return json.write(outbox.envelope(event));
    }

    private void publish(DomainEvent... events) {
        for (DomainEvent e : events) {
            send(UUID.fromString(e.subject()), event(e));
        }
    }

    /** As the outbox relay sends: keyed by the patient, marked application/cloudevents+json. */
    private static void send(UUID key, String value) {
        kafka.sendAsRelay(Topics.PATIENTS, key, value);
    }

    private JsonNode read(String value) {
        try {
            return json.mapper().readTree(value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private JsonNode user(Account account) {
        String body = given().auth().oauth2(TestTokens.of("admin")).get(USERS + "/" + account.id())
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return read(body);
    }

    private boolean enabled(Account account) {
        return user(account).path("enabled").asBoolean();
    }

    /** hms_events_consumed_total of identity's patient view for one outcome, from /q/metrics. */
    private static double consumed(String outcome) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(l -> l.startsWith("hms_events_consumed_total{") && l.contains("consumer=\"" + CONSUMER + "\"")
                        && l.contains("outcome=\"" + outcome + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
