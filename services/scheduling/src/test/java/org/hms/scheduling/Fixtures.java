package org.hms.scheduling;

import static io.restassured.RestAssured.given;

import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.hms.platform.testing.TestTokens;

/**
 * Practitioners, patients and bodies shaped exactly like the API contract. Each test makes its
 * own practitioner (a random specialty) and patients (random ids), so tests never meet.
 */
public final class Fixtures {

    public static final String PRACTITIONERS = "/api/v1/practitioners";
    public static final String APPOINTMENTS = "/api/v1/appointments";
    public static final String SLOTS = "/api/v1/slots";
    public static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

    private Fixtures() {}

    /** A specialty no other test uses, e.g. "cardiology-kbdf". */
    public static String specialty() {
        StringBuilder s = new StringBuilder("cardiology-");
        for (int i = 0; i < 8; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }

    public static Map<String, Object> practitionerBody(String specialty) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", Map.of("family", "Nowak", "given", List.of("Adam")));
        body.put("specialty", specialty);
        body.put("userId", null);
        return body;
    }

    public static UUID createPractitioner(String specialty) {
        return UUID.fromString(given().auth().oauth2(TestTokens.of("admin")).contentType(ContentType.JSON)
                .body(practitionerBody(specialty))
                .post(PRACTITIONERS)
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
    }

    /** Every day of the week 08:00-16:00 Europe/Warsaw in 15-minute slots, plus {@code exceptions}. */
    public static Map<String, Object> everyDay(List<Map<String, Object>> exceptions) {
        List<Map<String, Object>> weekly = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            weekly.add(Map.of("dayOfWeek", day, "start", "08:00", "end", "16:00", "slotMinutes", 15));
        }
        return Map.of("timeZone", "Europe/Warsaw", "weekly", weekly, "exceptions", exceptions);
    }

    public static void setAvailability(UUID practitioner, Map<String, Object> availability) {
        given().auth().oauth2(TestTokens.of("admin")).contentType(ContentType.JSON)
                .body(availability)
                .put(PRACTITIONERS + "/" + practitioner + "/availability")
                .then()
                .statusCode(200);
    }

    /** A practitioner of a fresh specialty, available every day 08:00-16:00 Warsaw time. */
    public static UUID bookablePractitioner() {
        UUID id = createPractitioner(specialty());
        setAvailability(id, everyDay(List.of()));
        return id;
    }

    /**
     * A patient the view knows as active, written straight into the view's table (how it gets
     * there from hms.patients is PatientViewReactionsTest's concern).
     */
    public static UUID knownPatient() {
        UUID id = UUID.randomUUID();
        pool().preparedQuery("insert into patient_view (patient_id, mrn, display_name, status, version)"
                        + " values ($1, $2, 'Zofia Kowalska', 'active', 0)")
                .execute(Tuple.of(id, "P" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999)))
                .await().indefinitely();
        return id;
    }

    public static Pool pool() {
        return Arc.container().instance(Pool.class).get();
    }

    /** A date between a month and eight years ahead: every test gets its own day. */
    public static LocalDate futureDate() {
        return LocalDate.now(WARSAW).plusDays(ThreadLocalRandom.current().nextInt(30, 3000));
    }

    /** {@code date} at {@code time}, Warsaw time. */
    public static Instant at(LocalDate date, String time) {
        return ZonedDateTime.of(date, LocalTime.parse(time), WARSAW).toInstant();
    }

    public static Map<String, Object> booking(UUID patient, UUID practitioner, Instant start, int minutes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("patientId", patient.toString());
        body.put("practitionerId", practitioner.toString());
        body.put("start", start.toString());
        body.put("minutes", minutes);
        body.put("type", "consultation");
        body.put("reason", "chest pain");
        return body;
    }

    public static Response book(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(APPOINTMENTS);
    }

    /** Books as a receptionist; the new appointment's id. */
    public static UUID booked(UUID patient, UUID practitioner, Instant start) {
        return UUID.fromString(book(TestTokens.of("receptionist"), booking(patient, practitioner, start, 15))
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
    }

    /** POST to {@code /api/v1/appointments/{id}/{action}} as {@code role}. */
    public static Response act(UUID appointment, String action, String role, Object body) {
        var request = given().auth().oauth2(TestTokens.of(role));
        if (body != null) {
            request.contentType(ContentType.JSON).body(body);
        }
        return request.post(APPOINTMENTS + "/" + appointment + "/" + action);
    }
}
