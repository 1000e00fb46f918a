package org.hms.platform.patientview;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hms.contracts.DomainEvent;
import org.hms.contracts.Topics;
import org.hms.contracts.patients.Gender;
import org.hms.contracts.patients.HumanName;
import org.hms.contracts.patients.PatientDetails;
import org.hms.contracts.patients.PatientErased;
import org.hms.contracts.patients.PatientMerged;
import org.hms.contracts.patients.PatientRegistered;
import org.hms.contracts.patients.PatientUpdated;
import org.hms.platform.events.EventJson;
import org.hms.platform.events.Outbox;
import org.hms.platform.testapp.TestDb;
import org.hms.platform.testing.KafkaEvents;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The test application keeps the patient view as a service would; these tests publish real
 * patient events on {@code hms.patients} (serialised by the platform's own {@link Outbox}
 * envelope, exactly as the patients service publishes them) and look at what the view answers.
 */
@QuarkusTest
class PatientViewTest {

    static final KafkaEvents kafka = new KafkaEvents();
    static final String CONSUMER = "platform-test.patient-view";

    @Inject
    Outbox outbox;

    @Inject
    EventJson json;

    @Inject
    TestDb db;

    @Inject
    PatientView view;

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    @Test
    void aRegisteredThenUpdatedPatientAnswersTheLatestDemographics() {
        UUID id = UUID.randomUUID();

        publish(registered(id, 0, "Kowalska", "Zofia"), updated(id, 1, "Nowak", "Zofia", "Maria"));

        await().atMost(Duration.ofSeconds(30)).until(() -> version(id) == 1);
        Response fact = lookUp(id, 200);
        assertThat(fact.<String>path("patientId")).isEqualTo(id.toString());
        assertThat(fact.<String>path("mrn")).isEqualTo(mrn(id));
        assertThat(fact.<String>path("displayName")).isEqualTo("Zofia Maria Nowak");
        assertThat(fact.<String>path("birthDate")).isEqualTo("1984-03-07");
        assertThat(fact.<String>path("gender")).isEqualTo("female");
        assertThat(fact.<String>path("status")).isEqualTo("ACTIVE");
    }

    @Test
    void anEventOlderThanTheViewChangesNothing() {
        UUID id = UUID.randomUUID();
        String stale = event(updated(id, 1, "Stale", "Old"));

        publish(registered(id, 0, "Kowalska", "Zofia"), updated(id, 2, "Current", "New"));
        send(id, stale);

        awaitProcessed(stale);
        Response fact = lookUp(id, 200);
        assertThat(fact.<String>path("displayName")).isEqualTo("New Current");
        assertThat(fact.<Integer>path("version")).isEqualTo(2);
    }

    @Test
    void aMergedIdAnswersItsSurvivorAndTheServiceReactsOnce() {
        UUID retired = UUID.randomUUID();
        UUID survivor = UUID.randomUUID();
        publish(registered(survivor, 0, "Kowalska", "Zofia"));
        publish(registered(retired, 0, "Kowalska", "Zofja"));
        String merge = event(new PatientMerged(retired, survivor, mrn(survivor), 1));

        send(retired, merge);
        send(retired, merge); // redelivered

        await().atMost(Duration.ofSeconds(30)).until(() -> version(retired) == 1 && version(survivor) == 0);
        awaitProcessed(merge);
        Response fact = lookUp(retired, 200);
        assertThat(fact.<String>path("patientId")).isEqualTo(survivor.toString());
        assertThat(fact.<String>path("displayName")).isEqualTo("Zofia Kowalska");
        assertThat(db.count("select count(*) from patient_view where patient_id = $1 and display_name is null"
                        + " and status = 'merged' and merged_into = $2", retired, survivor))
                .as("the retired row keeps no personal data of its own")
                .isOne();
        assertThat(reactions("merged", retired)).isOne();
    }

    @Test
    void anErasedPatientKeepsOnlyIdAndMrnAndALateEventCannotBringTheDataBack() {
        UUID id = UUID.randomUUID();
        String erased = event(new PatientErased(id, Instant.now(), 2));
        String late = event(updated(id, 5, "Resurrected", "Never"));

        publish(registered(id, 0, "Kowalska", "Zofia"), updated(id, 1, "Kowalska", "Zofia", "Maria"));
        send(id, erased);
        send(id, erased); // redelivered
        send(id, late);

        awaitProcessed(late);
        Response fact = lookUp(id, 200);
        assertThat(fact.<String>path("status")).isEqualTo("ERASED");
        assertThat(fact.<String>path("mrn")).isEqualTo(mrn(id));
        assertThat(fact.<String>path("displayName")).isNull();
        assertThat(fact.<String>path("birthDate")).isNull();
        assertThat(fact.<String>path("gender")).isNull();
        assertThat(reactions("erased", id)).as("the service reacted to the erasure once").isOne();
    }

    /**
     * The rebuild the pattern documents: clear the view, then read {@code hms.patients} again from
     * its first offset (here with a consumer of our own, as a new consumer group would) and apply
     * every message through the view's own entry point. The view answers as before.
     */
    @Test
    void aClearedViewRebuiltFromTheTopicAnswersAsBefore() throws Throwable {
        UUID kept = UUID.randomUUID();
        UUID duplicate = UUID.randomUUID();
        UUID survivor = UUID.randomUUID();
        UUID erased = UUID.randomUUID();
        publish(registered(kept, 0, "Kowalska", "Zofia"), updated(kept, 1, "Nowak", "Zofia", "Maria"),
                registered(duplicate, 0, "Dup", "Adam"), registered(survivor, 0, "Wolski", "Adam"),
                new PatientMerged(duplicate, survivor, mrn(survivor), 1),
                registered(erased, 0, "Zielinska", "Ewa"), new PatientErased(erased, Instant.now(), 1));
        List<UUID> ids = List.of(kept, duplicate, survivor, erased);
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                        "select count(*) from patient_view where patient_id = any($1) and version = 1",
                        (Object) ids.toArray(UUID[]::new))
                == 3);
        List<String> before = viewOf(ids);

        VertxContextSupport.subscribeAndAwait(() -> view.clear());
        assertThat(viewOf(ids)).isEmpty();
        lookUp(kept, 404);

        List<ConsumerRecord<String, String>> history = kafka.awaitFromBeginning(
                Topics.PATIENTS, 7, r -> ids.stream().anyMatch(id -> id.toString().equals(r.key())),
                KafkaEvents.DEFAULT_TIMEOUT);
        for (ConsumerRecord<String, String> message : history) {
            VertxContextSupport.subscribeAndAwait(() -> view.consume(message.value()));
        }

        assertThat(viewOf(ids)).isEqualTo(before);
        assertThat(lookUp(duplicate, 200).<String>path("patientId")).isEqualTo(survivor.toString());
        assertThat(lookUp(kept, 200).<String>path("displayName")).isEqualTo("Zofia Maria Nowak");
    }

    /** The view's rows for {@code ids}, every column but the time of the change, in a fixed order. */
    private List<String> viewOf(List<UUID> ids) {
        return db.rows("select concat_ws('|', patient_id, mrn, display_name, birth_date, gender, status, merged_into,"
                                + " version) from patient_view where patient_id = any($1) order by patient_id",
                        (Object) ids.toArray(UUID[]::new))
                .stream()
                .map(row -> row.getString(0))
                .toList();
    }

    @Test
    void aPatientNoEventWasSeenAboutIsNotFound() {
        lookUp(UUID.randomUUID(), 404);
    }

    @Test
    void aMalformedPatientEventIsDeadLetteredWithTheReasonAndThePartitionGoesOn() {
        UUID id = UUID.randomUUID();
        KafkaEvents.Mark dlq = kafka.mark(Topics.deadLetter(Topics.PATIENTS));
        String unfit = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID()
                + "\",\"type\":\"org.hms.patients.PatientErased\",\"data\":{\"patientId\":\"not-a-uuid\"}}";

        send(id, "this is not JSON");
        send(id, unfit);
        publish(registered(id, 0, "Kowalska", "Zofia"));

        // hms.patients.dlq is shared by every consumer of hms.patients: other services' copies may be there too
        ConsumerRecord<String, String> notJson = kafka.awaitOne(dlq, KafkaEvents.key(id).and(valued("this is not JSON")));
        ConsumerRecord<String, String> notFitting = kafka.awaitOne(dlq, KafkaEvents.key(id).and(valued(unfit)));
        assertThat(KafkaEvents.header(notJson, "dead-letter-reason")).contains("not valid JSON");
        assertThat(KafkaEvents.header(notFitting, "dead-letter-reason")).contains("does not fit");
        await().atMost(Duration.ofSeconds(30)).until(() -> version(id) == 0);
        assertThat(lookUp(id, 200).<String>path("status")).isEqualTo("ACTIVE");
    }

    private static Predicate<ConsumerRecord<String, String>> valued(String value) {
        return record -> value.equals(record.value());
    }

    private static PatientRegistered registered(UUID id, long version, String family, String... given) {
        return new PatientRegistered(id, mrn(id), version, details(family, given));
    }

    private static PatientUpdated updated(UUID id, long version, String family, String... given) {
        return new PatientUpdated(id, mrn(id), version, details(family, given));
    }

    private static PatientDetails details(String family, String... given) {
        return new PatientDetails(new HumanName(family, List.of(given)), LocalDate.of(1984, 3, 7), Gender.FEMALE,
                List.of(), null, null, null, null, null);
    }

    private static String mrn(UUID id) {
        return "P" + Math.abs(id.getMostSignificantBits() % 10_000_000);
    }

    /** The event as the patients service puts it on the wire: the outbox's CloudEvents envelope. */
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

    private static Response lookUp(UUID id, int status) {
        return given().auth().oauth2(TestTokens.of("nurse")).get("/test/patient-view/" + id)
                .then()
                .statusCode(status)
                .extract()
                .response();
    }

    private long version(UUID id) {
        List<?> rows = db.rows("select version from patient_view where patient_id = $1", id);
        return rows.isEmpty() ? -1 : db.count("select version from patient_view where patient_id = $1", id);
    }

    private void awaitProcessed(String event) {
        UUID eventId = json.read(event).id();
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                        "select count(*) from processed_event where consumer = $1 and event_id = $2", CONSUMER, eventId)
                == 1);
    }

    private long reactions(String kind, UUID id) {
        return db.count("select count(*) from test_patient_reaction where kind = $1 and patient_id = $2", kind, id);
    }
}
