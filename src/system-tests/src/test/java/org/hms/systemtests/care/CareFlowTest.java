package org.hms.systemtests.care;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.hms.contracts.Topics;
import org.hms.platform.security.Roles;
import org.hms.platform.testing.KafkaEvents;
import org.hms.platform.testing.TestTokens;
import org.hms.systemtests.running.RunningSystem;
import org.hms.systemtests.running.SystemUnderTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Care delivery across the running services, everything through the gateway: a patient
 * registered at the desk is booked and checked in (scheduling), the check-in opens an encounter
 * (clinical, from the event), a set of vitals scoring NEWS2 11 raises an alert (clinical's event,
 * emergency's alert) that reaches a nurse's open SSE stream and the alert topic; and a patient
 * erased in patients disappears from the other services.
 */
@ExtendWith(RunningSystem.class)
class CareFlowTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);
    static final KafkaEvents kafka = new KafkaEvents();

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    @Test
    void aCheckedInPatientWhoseVitalsAlertReachesANursesStreamAndTheAlertTopic(SystemUnderTest system)
            throws Exception {
        UUID patient = system.registerPatient("Flow");
        UUID appointment = bookTheNextFreeSlot(system, patient);

        post(system, Roles.RECEPTIONIST, "/api/v1/appointments/" + appointment + "/check-in", null)
                .then().statusCode(200).body("status", equalTo("checked-in"));
        UUID encounter = awaitEncounterOf(system, patient, appointment);

        BlockingQueue<String> stream = new LinkedBlockingQueue<>();
        CompletableFuture<Void> listening = listen(system, stream);
        awaitLine(stream, "event:heartbeat", Duration.ofSeconds(10));
        KafkaEvents.Mark alerts = kafka.mark(Topics.EMERGENCY);

        Response vitals = post(system, Roles.NURSE, "/api/v1/vitals", Map.ofEntries(
                Map.entry("patientId", patient.toString()), Map.entry("encounterId", encounter.toString()),
                Map.entry("takenAt", Instant.now().minusSeconds(60).toString()), Map.entry("respiratoryRate", 26),
                Map.entry("spo2", 90), Map.entry("spo2Scale", 1), Map.entry("supplementalOxygen", false),
                Map.entry("systolicBp", 95), Map.entry("pulse", 120), Map.entry("consciousness", "A"),
                Map.entry("temperature", 38.5)));
        assertThat(vitals.statusCode()).as(vitals.asString()).isEqualTo(201);
        assertThat(vitals.jsonPath().getInt("news2.score")).isEqualTo(11);

        String alert = awaitLine(stream, patient.toString(), EVENTUALLY);
        assertThat(alert).contains("\"severity\"");
        kafka.await(alerts, 1, KafkaEvents.containing(patient).and(KafkaEvents.containing("AlertRaised")), EVENTUALLY);
        listening.cancel(true);
    }

    @Test
    void aPatientErasedInPatientsDisappearsFromSchedulingClinicalAndEmergency(SystemUnderTest system) {
        UUID patient = system.registerPatient("Erased");
        UUID appointment = bookTheNextFreeSlot(system, patient);
        awaitStatus(system, Roles.NURSE, "/api/v1/patients/" + patient + "/chart", 200);

        post(system, Roles.ADMIN, "/api/v1/patients/" + patient + "/erasure",
                Map.of("reason", "GDPR art. 17 request, ticket CF-1")).then().statusCode(200);

        awaitStatus(system, Roles.RECEPTIONIST, "/api/v1/appointments/" + appointment, 410);
        get(system, Roles.RECEPTIONIST, "/api/v1/patients/" + patient + "/appointments")
                .then().statusCode(200).body("total", equalTo(0));
        awaitStatus(system, Roles.NURSE, "/api/v1/patients/" + patient + "/chart", 410);
        Response arrival = post(system, Roles.NURSE, "/api/v1/ed-visits",
                Map.of("patientId", patient.toString(), "chiefComplaint", "chest pain"));
        assertThat(arrival.statusCode()).as(arrival.asString()).isEqualTo(400);
        assertThat(arrival.asString()).contains("patientId");
    }

    /** A practitioner of a specialty of this run, available every day, and the first free slot tomorrow. */
    private static UUID bookTheNextFreeSlot(SystemUnderTest system, UUID patient) {
        // a specialty of its own (lower-case words): the slots found are this practitioner's
        String specialty = "flow-" + UUID.randomUUID().toString().substring(0, 8).replaceAll("[^a-f]", "x");
        Response practitioner = post(system, Roles.ADMIN, "/api/v1/practitioners", Map.of(
                "name", Map.of("family", "Nowak", "given", List.of("Adam")), "specialty", specialty));
        assertThat(practitioner.statusCode()).as(practitioner.asString()).isEqualTo(201);
        String practitionerId = practitioner.jsonPath().getString("id");
        List<Map<String, Object>> weekly = Stream.of(
                        "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")
                .map(day -> Map.<String, Object>of("dayOfWeek", day, "start", "08:00", "end", "12:00", "slotMinutes", 15))
                .toList();
        given().baseUri(system.gatewayUrl()).auth().oauth2(TestTokens.of(Roles.ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("timeZone", "UTC", "weekly", weekly, "exceptions", List.of()))
                .put("/api/v1/practitioners/" + practitionerId + "/availability")
                .then().statusCode(200);
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        Response slots = given().baseUri(system.gatewayUrl()).auth().oauth2(TestTokens.of(Roles.RECEPTIONIST))
                .queryParam("specialty", specialty).queryParam("from", tomorrow.toString())
                .queryParam("to", tomorrow.toString())
                .get("/api/v1/slots");
        assertThat(slots.statusCode()).as(slots.asString()).isEqualTo(200);
        String start = slots.jsonPath().getString("items[0].start");
        Map<String, Object> booking = Map.of("patientId", patient.toString(), "practitionerId", practitionerId,
                "start", start, "minutes", 15, "type", "consultation", "reason", "chest pain");
        // the patient reaches scheduling's patient view through hms.patients a moment after registration
        Response booked = await().atMost(EVENTUALLY).until(
                () -> post(system, Roles.RECEPTIONIST, "/api/v1/appointments", booking), r -> r.statusCode() != 422);
        assertThat(booked.statusCode()).as(booked.asString()).isEqualTo(201);
        assertThat(booked.jsonPath().getString("status")).isEqualTo("booked");
        return UUID.fromString(booked.jsonPath().getString("id"));
    }

    private static UUID awaitEncounterOf(SystemUnderTest system, UUID patient, UUID appointment) {
        Response encounters = await().atMost(EVENTUALLY).until(
                () -> get(system, Roles.NURSE, "/api/v1/patients/" + patient + "/encounters"),
                r -> r.statusCode() == 200 && r.jsonPath().getList("items").size() == 1);
        assertThat(encounters.jsonPath().getString("items[0].appointmentId")).isEqualTo(appointment.toString());
        assertThat(encounters.jsonPath().getString("items[0].status")).isEqualTo("in-progress");
        return UUID.fromString(encounters.jsonPath().getString("items[0].id"));
    }

    /** Opens the alert stream through the gateway as a nurse; every line read goes to {@code lines}. */
    private static CompletableFuture<Void> listen(SystemUnderTest system, BlockingQueue<String> lines) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(system.gatewayUrl() + "/api/v1/alerts/stream"))
                .header("Authorization", "Bearer " + TestTokens.of(Roles.NURSE))
                .header("Accept", "text/event-stream")
                .build();
        return HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> {
                    lines.add("status:" + response.statusCode());
                    response.body().forEach(line -> lines.add(line.replace(": ", ":").replace("event: ", "event:")));
                });
    }

    private static String awaitLine(BlockingQueue<String> lines, String containing, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                if (line.contains(containing)) {
                    return line;
                }
            }
        }
        throw new AssertionError("no line containing " + containing + " within " + within + "; read " + seen);
    }

    private static void awaitStatus(SystemUnderTest system, String role, String path, int status) {
        Response[] last = new Response[1];
        try {
            await().atMost(EVENTUALLY).until(() -> (last[0] = get(system, role, path)).statusCode() == status);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("GET " + path + " as " + role + " never answered " + status + "; last: "
                    + (last[0] == null ? "none" : last[0].statusCode() + " " + last[0].asString()), e);
        }
    }

    private static Response get(SystemUnderTest system, String role, String path) {
        return given().baseUri(system.gatewayUrl()).auth().oauth2(TestTokens.of(role)).get(path);
    }

    private static Response post(SystemUnderTest system, String role, String path, Object body) {
        var request = given().baseUri(system.gatewayUrl()).auth().oauth2(TestTokens.of(role));
        return body == null ? request.post(path) : request.contentType(ContentType.JSON).body(body).post(path);
    }
}
