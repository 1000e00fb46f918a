package org.hms.emergency;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.hms.contracts.DomainEvent;
import org.hms.contracts.Topics;
import org.hms.contracts.patients.Gender;
import org.hms.contracts.patients.HumanName;
import org.hms.contracts.patients.PatientDetails;
import org.hms.contracts.patients.PatientRegistered;
import org.hms.platform.events.EventJson;
import org.hms.platform.events.Outbox;
import org.hms.platform.testing.KafkaEvents;
import org.hms.platform.testing.TestTokens;

/**
 * What the emergency tests share: bodies shaped exactly like the API contract, patients
 * registered as the patients service would announce them (hms.patients), and events sent as the
 * outbox relay sends them.
 */
public final class EmergencyFixtures {

    public static final String VISITS = "/api/v1/ed-visits";
    public static final String BOARD = "/api/v1/ed-board";
    public static final String ALERTS = "/api/v1/alerts";

    public static final KafkaEvents kafka = new KafkaEvents();

    private EmergencyFixtures() {}

    /** The triage example: ESI 2 for danger-zone vitals. */
    public static Map<String, Object> triageExample() {
        Map<String, Object> body = new HashMap<>();
        body.put("lifeSavingIntervention", false);
        body.put("highRisk", false);
        body.put("confusedLethargicOrDisoriented", false);
        body.put("severePainOrDistress", false);
        body.put("expectedResources", 2);
        body.put("ageMonths", 420);
        body.put("heartRate", 110);
        body.put("respiratoryRate", 18);
        body.put("spo2", 97);
        return body;
    }

    /** An adult needing two resources with normal vitals: ESI 3. */
    public static Map<String, Object> triageLevel3() {
        Map<String, Object> body = triageExample();
        body.put("heartRate", 80);
        return body;
    }

    /** Needs an immediate life-saving intervention: ESI 1. */
    public static Map<String, Object> triageLevel1() {
        Map<String, Object> body = triageExample();
        body.put("lifeSavingIntervention", true);
        return body;
    }

    public static Map<String, Object> unidentified(String complaint) {
        Map<String, Object> body = new HashMap<>();
        body.put("patientId", null);
        body.put("unidentified", Map.of("sex", "male", "estimatedAgeYears", 40));
        body.put("chiefComplaint", complaint);
        return body;
    }

    public static Response post(String role, String path, Object body) {
        return given().auth().oauth2(TestTokens.of(role)).contentType(ContentType.JSON).body(body).post(path);
    }

    public static Response post(String role, String path) {
        return given().auth().oauth2(TestTokens.of(role)).contentType(ContentType.JSON).post(path);
    }

    /** An unidentified patient's arrival; the visit's id. */
    public static String arriveUnidentified(String complaint) {
        return post("nurse", VISITS, unidentified(complaint)).then().statusCode(201).extract().path("id");
    }

    public static Response triage(String visitId, Map<String, Object> body) {
        return post("nurse", VISITS + "/" + visitId + "/triage", body);
    }

    /** A patient registered in the patients service, as its outbox announces them on hms.patients. */
    public static UUID registerPatient(Outbox outbox, EventJson json) {
        UUID id = UUID.randomUUID();
        publish(outbox, json, Topics.PATIENTS, new PatientRegistered(id, "P" + (1_000_000 + id.hashCode() % 900_000), 0,
                new PatientDetails(new HumanName("Kowalska", List.of("Zofia")), LocalDate.of(1984, 3, 7),
                        Gender.FEMALE, List.of(), null, null, null, null, null)));
        return id;
    }

    /**
     * The arrival of a registered patient, once the patient view knows them (events arrive a
     * moment after they are published; a 400 naming patientId until then). The visit's id.
     */
    public static String arriveWhenKnown(UUID patientId, String complaint) {
        AtomicReference<String> visit = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Response r = post("nurse", VISITS, Map.of("patientId", patientId.toString(), "chiefComplaint", complaint));
            if (r.statusCode() == 201) {
                visit.set(r.path("id"));
            }
            return visit.get() != null;
        });
        return visit.get();
    }

    /** Sends an event as the outbox relay does: the envelope, keyed by its subject, cloudevents+json. */
    public static void publish(Outbox outbox, EventJson json, String topic, DomainEvent event) {
        kafka.sendAsRelay(topic, event.subject(), json.write(outbox.envelope(event)));
    }
}
