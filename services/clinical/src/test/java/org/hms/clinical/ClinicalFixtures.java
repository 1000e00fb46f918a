package org.hms.clinical;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.quarkus.arc.Arc;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.hms.contracts.DomainEvent;
import org.hms.contracts.Topics;
import org.hms.contracts.patients.Gender;
import org.hms.contracts.patients.HumanName;
import org.hms.contracts.patients.PatientDetails;
import org.hms.contracts.patients.PatientRegistered;
import org.hms.platform.events.EventJson;
import org.hms.platform.events.Outbox;
import org.hms.platform.testing.KafkaEvents;
import org.hms.platform.testing.SkipTopicBacklog;
import org.hms.platform.testing.TestTokens;

/**
 * Patients known to clinical's patient view (published on the real hms.patients as the
 * patients service does, then awaited in the view), vitals bodies shaped exactly like the API
 * contract, wards of the tests' own. Also moves the test consumer groups past the history of the
 * shared topics before Quarkus starts.
 */
@WithTestResource(value = SkipTopicBacklog.class, scope = TestResourceScope.GLOBAL, initArgs = {
        @ResourceArg(name = "group", value = "hms-clinical-test-patient-view"),
        @ResourceArg(name = "topic", value = "hms.patients")})
@WithTestResource(value = SkipTopicBacklog.class, scope = TestResourceScope.GLOBAL, initArgs = {
        @ResourceArg(name = "group", value = "hms-clinical-test-check-ins"),
        @ResourceArg(name = "topic", value = "hms.scheduling")})
public final class ClinicalFixtures {

    public static final String VITALS = "/api/v1/vitals";
    public static final String ENCOUNTERS = "/api/v1/encounters";
    public static final String WARDS = "/api/v1/wards";

    private static final KafkaEvents kafka = new KafkaEvents();

    private ClinicalFixtures() {}

    /** A new patient, registered on hms.patients and present in clinical's view. */
    public static UUID knownPatient() {
        UUID id = UUID.randomUUID();
        PatientDetails details = new PatientDetails(new HumanName("Kowalska", List.of("Zofia")),
                LocalDate.of(1984, 3, 7), Gender.FEMALE, List.of(), null, null, null, null, null);
        publishPatientEvent(id, new PatientRegistered(id, "P" + (1_000_000 + ThreadLocalRandom.current()
                .nextInt(8_999_999)), 0, details));
        awaitViewStatus(id, "active");
        return id;
    }

    /** Publishes a patient event as the patients service's relay does. */
    public static void publishPatientEvent(UUID patientId, DomainEvent event) {
        Outbox outbox = Arc.container().instance(Outbox.class).get();
        EventJson json = Arc.container().instance(EventJson.class).get();
        kafka.sendAsRelay(Topics.PATIENTS, patientId, json.write(outbox.envelope(event)));
    }

    /** The JSON of an event as the relay publishes it. */
    public static String envelope(DomainEvent event) {
        Outbox outbox = Arc.container().instance(Outbox.class).get();
        EventJson json = Arc.container().instance(EventJson.class).get();
        return json.write(outbox.envelope(event));
    }

    /** Waits until the view holds the patient with this status (active, merged or erased). */
    public static void awaitViewStatus(UUID patientId, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(viewStatus(patientId)));
    }

    private static String viewStatus(UUID patientId) {
        var rows = sql("select status from patient_view where patient_id = $1", Tuple.of(patientId));
        return rows.isEmpty() ? null : rows.get(0).toString();
    }

    /** The first column of every row of a query on the test database. */
    public static List<Object> sql(String query, Tuple params) {
        Pool pool = Arc.container().instance(Pool.class).get();
        List<Object> values = new ArrayList<>();
        pool.preparedQuery(query).execute(params).await().atMost(Duration.ofSeconds(10))
                .forEach(row -> values.add(row.getValue(0)));
        return values;
    }

    /** The example set (NEWS2 11, high) for this patient. */
    public static Map<String, Object> vitals(UUID patientId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("patientId", patientId.toString());
        body.put("takenAt", "2026-11-25T10:00:00Z");
        body.put("respiratoryRate", 26);
        body.put("spo2", 90);
        body.put("spo2Scale", 1);
        body.put("supplementalOxygen", false);
        body.put("systolicBp", 95);
        body.put("pulse", 120);
        body.put("consciousness", "A");
        body.put("temperature", 38.5);
        return body;
    }

    /** A set scoring 0 (low, no alert). */
    public static Map<String, Object> calmVitals(UUID patientId) {
        Map<String, Object> body = vitals(patientId);
        body.put("respiratoryRate", 16);
        body.put("spo2", 98);
        body.put("systolicBp", 124);
        body.put("pulse", 72);
        body.put("temperature", 36.8);
        return body;
    }

    /** A ward of the test's own with beds "1".."n"; its code. */
    public static String newWard(int beds) {
        String code = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= beds; i++) {
            labels.add(Integer.toString(i));
        }
        given().auth().oauth2(TestTokens.of("admin")).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Test ward " + code, "beds", labels))
                .post(WARDS)
                .then()
                .statusCode(201);
        return code;
    }

    /** Admits the patient to a bed as a nurse; the encounter id. */
    public static UUID admit(UUID patientId, String ward, String bed) {
        return UUID.fromString(given().auth().oauth2(TestTokens.of("nurse")).contentType(ContentType.JSON)
                .body(Map.of("patientId", patientId.toString(), "encounterClass", "inpatient", "ward", ward, "bed", bed))
                .post(ENCOUNTERS)
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
    }
}
