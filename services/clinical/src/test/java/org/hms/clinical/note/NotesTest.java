package org.hms.clinical.note;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hms.clinical.ClinicalFixtures;
import org.hms.contracts.EventSchemas;
import org.hms.contracts.Topics;
import org.hms.platform.testing.KafkaEvents;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Notes: drafts change, signed notes do not; amendments correct them and keep the history. */
@QuarkusTest
class NotesTest {

    static final KafkaEvents kafka = new KafkaEvents();

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void aSignedNoteRefusesEditsAndAnAmendmentKeepsTheHistory() throws Exception {
        UUID patient = ClinicalFixtures.knownPatient();
        KafkaEvents.Mark mark = kafka.mark(Topics.CLINICAL);
        String id = given().auth().oauth2(TestTokens.of("physician")).contentType(ContentType.JSON)
                .body(Map.of("patientId", patient.toString(), "kind", "progress",
                        "soap", Map.of("subjective", "Short of breath", "assessment", "COPD exacerbation")))
                .post("/api/v1/notes")
                .then()
                .statusCode(201)
                .header("ETag", "\"0\"")
                .body("status", equalTo("draft"))
                .extract()
                .path("id");

        given().auth().oauth2(TestTokens.of("physician")).contentType(ContentType.JSON).header("If-Match", "\"7\"")
                .body(Map.of("plan", "Nebulisers")).put("/api/v1/notes/" + id)
                .then().statusCode(412);
        given().auth().oauth2(TestTokens.of("physician")).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("subjective", "Short of breath", "plan", "Nebulisers, prednisolone"))
                .put("/api/v1/notes/" + id)
                .then().statusCode(200).header("ETag", "\"1\"");
        given().auth().oauth2(TestTokens.of("physician")).post("/api/v1/notes/" + id + "/sign")
                .then().statusCode(200).body("status", equalTo("signed"));

        given().auth().oauth2(TestTokens.of("physician")).contentType(ContentType.JSON).header("If-Match", "\"2\"")
                .body(Map.of("plan", "changed after signing")).put("/api/v1/notes/" + id)
                .then().statusCode(409).body("status", equalTo("signed"));
        given().auth().oauth2(TestTokens.of("physician")).post("/api/v1/notes/" + id + "/sign")
                .then().statusCode(409);
        // the database refuses it too, to code that would forget the rule
        assertThatThrownBy(() -> ClinicalFixtures.sql("update note set plan = 'rewritten' where id = $1",
                        Tuple.of(UUID.fromString(id))))
                .hasMessageContaining("signed");
        String amendment = given().auth().oauth2(TestTokens.of("physician")).contentType(ContentType.JSON)
                .body(Map.of("plan", "Nebulisers, prednisolone 30 mg for 5 days"))
                .post("/api/v1/notes/" + id + "/amendments")
                .then()
                .statusCode(201)
                .body("amends", equalTo(id))
                .body("status", equalTo("signed"))
                .extract()
                .path("id");

        given().auth().oauth2(TestTokens.of("nurse")).get("/api/v1/notes/" + id)
                .then()
                .statusCode(200)
                .body("soap.plan", equalTo("Nebulisers, prednisolone"))
                .body("amendments.id", equalTo(List.of(amendment)))
                .body("amendments[0].soap.plan", containsString("30 mg"));
        var events = kafka.await(mark, 2, KafkaEvents.key(patient), KafkaEvents.DEFAULT_TIMEOUT);
        assertThat(events).extracting(r -> new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.value())
                        .get("type").asText())
                .containsExactly("org.hms.clinical.NoteSigned", "org.hms.clinical.NoteAmended");
        for (var event : events) {
            var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(event.value());
            assertThat(EventSchemas.envelopeViolations(json)).isEmpty();
            assertThat(event.value()).doesNotContain("Nebulisers");
        }
    }

    @Test
    void nursesWriteNursingNotesButNotProgressNotes() {
        UUID patient = ClinicalFixtures.knownPatient();
        given().auth().oauth2(TestTokens.of("nurse")).contentType(ContentType.JSON)
                .body(Map.of("patientId", patient.toString(), "kind", "progress", "soap", Map.of("plan", "x")))
                .post("/api/v1/notes").then().statusCode(403);
        String id = given().auth().oauth2(TestTokens.of("nurse")).contentType(ContentType.JSON)
                .body(Map.of("patientId", patient.toString(), "kind", "nursing",
                        "soap", Map.of("objective", "Pressure areas intact")))
                .post("/api/v1/notes").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.of("nurse")).post("/api/v1/notes/" + id + "/sign").then().statusCode(200);
        given().auth().oauth2(TestTokens.of("nurse")).contentType(ContentType.JSON)
                .body(Map.of("patientId", patient.toString(), "kind", "nursing", "soap", Map.of()))
                .post("/api/v1/notes").then().statusCode(400).body("errors.field", equalTo(List.of("soap")));
        given().auth().oauth2(TestTokens.of("physician")).get("/api/v1/patients/" + patient + "/notes")
                .then().statusCode(200).body("size()", equalTo(1));
    }

    /** Long notes arrive in several chunks: the body is read whole without blocking the event loop. */
    @Test
    void aNoteLongerThanASectionMayBeIsRefusedNamingTheSectionAndALongValidOneIsWritten() {
        UUID patient = ClinicalFixtures.knownPatient();
        String plan = "Titrate furosemide; daily weights. ".repeat(570); // 19,950 characters
        given().auth().oauth2(TestTokens.of("physician")).contentType(ContentType.JSON)
                .body(Map.of("patientId", patient.toString(), "kind", "progress",
                        "soap", Map.of("plan", plan, "assessment", plan)))
                .post("/api/v1/notes").then().statusCode(201);
        given().auth().oauth2(TestTokens.of("physician")).contentType(ContentType.JSON)
                .body(Map.of("patientId", patient.toString(), "kind", "progress",
                        "soap", Map.of("plan", plan + plan)))
                .post("/api/v1/notes").then().statusCode(400).body("errors.field", equalTo(List.of("soap.plan")));
    }
}
