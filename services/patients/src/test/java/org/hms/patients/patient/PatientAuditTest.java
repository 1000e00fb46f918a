package org.hms.patients.patient;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hms.patients.patient.PatientFixtures.PATIENTS;
import static org.hms.patients.patient.PatientFixtures.body;
import static org.hms.patients.patient.PatientFixtures.register;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hms.contracts.EventSchemas;
import org.hms.contracts.Topics;
import org.hms.contracts.audit.AuditRecorded;
import org.hms.platform.events.OutboxRelay;
import org.hms.platform.testing.KafkaEvents;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** What the audit trail learns of each call: whose data was touched or disclosed, and by whom. */
@QuarkusTest
class PatientAuditTest {

    static final KafkaEvents kafka = new KafkaEvents();

    @Inject
    Pool pool;

    @Inject
    OutboxRelay relay;

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void aRegistrationIsAuditedOnceInTheTransactionThatRegistersThePatient() throws Exception {
        KafkaEvents.Mark mark = kafka.mark(Topics.AUDIT);
        String id;
        String requestId;
        relay.pause(); // rows keep the id of the transaction that wrote them until the relay stamps them
        try {
            Response created = register(body());
            id = created.path("id");
            requestId = created.header("X-Request-Id");
            assertThat(count("select count(distinct xmin::text) from outbox where (message_key = $1 and type = $2)"
                            + " or (type = $3 and envelope like $4)",
                    id, "org.hms.patients.PatientRegistered", AuditRecorded.CONTRACT.type(), "%" + requestId + "%"))
                    .as("the registration's event and its audit record commit together").isOne();
            assertThat(count("select count(*) from outbox where type = $1 and envelope like $2",
                    AuditRecorded.CONTRACT.type(), "%" + requestId + "%")).as("audited once").isOne();
        } finally {
            relay.resume();
        }
        AuditRecorded audit = audit(kafka.awaitOne(mark, KafkaEvents.containing(requestId)));
        assertThat(audit.action()).isEqualTo("create");
        assertThat(audit.actor()).isEqualTo("test-receptionist");
        assertThat(audit.patientIds()).extracting(Object::toString).containsExactly(id);
        assertThat(audit.outcome()).isEqualTo("success");
        assertThat(audit.status()).isEqualTo(201);
    }

    @Test
    void aSearchIsAuditedWithEveryPatientItReturned() throws Exception {
        String family = PatientFixtures.surname();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(register(PatientFixtures.body(family, List.of("Anna"), PatientFixtures.birthDate())).path("id"));
        }
        KafkaEvents.Mark mark = kafka.mark(Topics.AUDIT);

        Response found = given().auth().oauth2(TestTokens.of("nurse")).queryParam("name", family).get(PATIENTS);
        found.then().statusCode(200);

        AuditRecorded audit = audit(kafka.awaitOne(mark, KafkaEvents.containing(found.header("X-Request-Id"))));
        assertThat(audit.action()).isEqualTo("search");
        assertThat(audit.patientIds()).extracting(Object::toString).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void theCandidatesDisclosedByADuplicateRefusalAreAudited() throws Exception {
        Map<String, Object> body = body();
        String existing = register(body).path("id");
        KafkaEvents.Mark mark = kafka.mark(Topics.AUDIT);

        Response refused = given().auth().oauth2(TestTokens.of("receptionist")).contentType(ContentType.JSON)
                .body(body).post(PATIENTS);
        refused.then().statusCode(409);
        String requestId = refused.header("X-Request-Id");

        ConsumerRecord<String, String> record = kafka.awaitOne(mark, KafkaEvents.containing(requestId));
        AuditRecorded audit = audit(record);
        assertThat(audit.action()).isEqualTo("create");
        assertThat(audit.outcome()).isEqualTo("failed");
        assertThat(audit.status()).isEqualTo(409);
        assertThat(audit.patientIds()).extracting(Object::toString).containsExactly(existing);
        kafka.awaitOne(mark, KafkaEvents.containing(register(body()).<String>path("id")));
        assertThat(kafka.since(mark)).filteredOn(KafkaEvents.containing(requestId)).hasSize(1);
    }

    @Test
    void aMergeIsAuditedWithBothPatients() throws Exception {
        String duplicate = PatientFixtures.registerNew().toString();
        String survivor = PatientFixtures.registerNew().toString();
        KafkaEvents.Mark mark = kafka.mark(Topics.AUDIT);

        Response merged = given().auth().oauth2(TestTokens.of("admin")).contentType(ContentType.JSON)
                .body(Map.of("survivorId", survivor)).post(PATIENTS + "/" + duplicate + "/merge");
        merged.then().statusCode(200);

        AuditRecorded audit = audit(kafka.awaitOne(mark, KafkaEvents.containing(merged.header("X-Request-Id"))));
        assertThat(audit.action()).isEqualTo("merge");
        assertThat(audit.resourceId()).isEqualTo(duplicate);
        assertThat(audit.patientIds()).extracting(Object::toString).containsExactly(duplicate, survivor);
    }

    private long count(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.tuple(List.of(params))).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    private static AuditRecorded audit(ConsumerRecord<String, String> record) throws Exception {
        JsonNode data = EventSchemas.JSON.readTree(record.value()).path("data");
        assertThat(EventSchemas.violations(AuditRecorded.CONTRACT, data)).isEmpty();
        return EventSchemas.JSON.treeToValue(data, AuditRecorded.class);
    }
}
