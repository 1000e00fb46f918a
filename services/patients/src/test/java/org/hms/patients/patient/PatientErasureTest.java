package org.hms.patients.patient;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hms.patients.patient.PatientFixtures.PATIENTS;
import static org.hms.patients.patient.PatientFixtures.body;
import static org.hms.patients.patient.PatientFixtures.register;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hms.contracts.Topics;
import org.hms.platform.events.OutboxRelay;
import org.hms.platform.testing.KafkaEvents;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** After an erasure, nothing of the patient's personal data is left in this service's stores. */
@QuarkusTest
class PatientErasureTest {

    static final KafkaEvents kafka = new KafkaEvents();
    static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    Pool pool;

    @Inject
    RedisDataSource redis;

    @Inject
    OutboxRelay relay;

    @Inject
    MeterRegistry registry;

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void aRetriedRegistrationAfterTheErasureReplaysNoPersonalDataAndRegistersNoOneAgain() {
        Map<String, Object> body = body();
        String family = family(body);
        String key = "erasure-" + UUID.randomUUID();
        String id = registerWithKey(body, key).statusCode(201).extract().path("id");
        registerWithKey(body, key).statusCode(201).header("Idempotent-Replayed", "true")
                .body(org.hamcrest.Matchers.containsString(family));

        erase(id);

        String retry = registerWithKey(body, key)
                .statusCode(410)
                .contentType("application/problem+json")
                .header("Idempotent-Replayed", "true")
                .extract()
                .asString();
        assertThat(retry).doesNotContain(family).doesNotContain((String) body.get("phone"));
        assertThat(rows("select body from idempotency_key where key = $1", key))
                .extracting(row -> row.getString(0))
                .singleElement()
                .asString()
                .doesNotContain(family);
        given().auth().oauth2(TestTokens.of("receptionist")).queryParam("name", family).get(PATIENTS)
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void erasingASurvivorErasesTheDuplicatesMergedIntoItToo() {
        UUID duplicateOfDuplicate = PatientFixtures.registerNew();
        UUID duplicate = PatientFixtures.registerNew();
        UUID survivor = PatientFixtures.registerNew();
        merge(duplicateOfDuplicate, duplicate);
        merge(duplicate, survivor);
        KafkaEvents.Mark mark = kafka.mark(Topics.PATIENTS);

        erase(survivor.toString());

        for (UUID id : List.of(duplicateOfDuplicate, duplicate, survivor)) {
            assertThat(rows("select status, name_text, birth_date, identifiers::text, phone, email, address"
                            + " from patient where id = $1", id))
                    .singleElement()
                    .satisfies(row -> {
                        assertThat(row.getString("status")).isEqualTo("ERASED");
                        assertThat(row.getString("name_text")).isNull();
                        assertThat(row.getValue("birth_date")).isNull();
                        assertThat(row.getString("identifiers")).doesNotContain("national-id");
                        assertThat(row.getString("phone")).isNull();
                        assertThat(row.getString("email")).isNull();
                        assertThat(row.getValue("address")).isNull();
                    });
            kafka.awaitOne(mark, KafkaEvents.key(id).and(KafkaEvents.containing("PatientErased")));
            given().auth().oauth2(TestTokens.of("admin")).redirects().follow(false).get(PATIENTS + "/" + id)
                    .then()
                    .statusCode(410);
        }
    }

    @Test
    void unsentEventsCarryingTheErasedDataAreWithdrawnAndTheErasureStillGoesOut() {
        KafkaEvents.Mark mark = kafka.mark(Topics.PATIENTS);
        Map<String, Object> body = body();
        String id;
        relay.pause();
        try {
            id = register(body).path("id");
            body.put("email", "moved@example.org");
            given().auth().oauth2(TestTokens.of("receptionist")).contentType(ContentType.JSON)
                    .header("If-Match", "\"0\"").body(body)
                    .put(PATIENTS + "/" + id)
                    .then()
                    .statusCode(200);
            assertThat(pendingTypes(id)).contains("org.hms.patients.PatientRegistered",
                    "org.hms.patients.PatientUpdated");

            erase(id);

            assertThat(pendingTypes(id)).containsExactly("org.hms.patients.PatientErased");
            assertThat(rows("select envelope from outbox where message_key = $1", id))
                    .extracting(row -> row.getString(0))
                    .noneMatch(envelope -> envelope.contains(family(body)) || envelope.contains("moved@example.org"));
        } finally {
            relay.resume();
        }
        kafka.awaitOne(mark, KafkaEvents.key(id).and(KafkaEvents.containing("PatientErased")));
        assertThat(kafka.since(mark)).filteredOn(KafkaEvents.key(id))
                .extracting(record -> record.value())
                .noneMatch(value -> value.contains(family(body)));
    }

    @Test
    void aCacheInvalidationThatFailsIsRetriedUntilTheErasedDataCannotBeReadFromTheCache() {
        Map<String, Object> body = body();
        String family = family(body);
        String id = register(body).path("id");
        String key = "hms:patients:" + id;
        given().auth().oauth2(TestTokens.of("nurse")).get(PATIENTS + "/" + id).then().statusCode(200);
        assertThat(redis.hash(String.class).hget(key, "d")).contains(family);
        double failedBefore = counter("invalidation-failed");

        // the entry becomes one the invalidation script cannot touch (WRONGTYPE): the erasure's
        // invalidation fails
        redis.key().del(key);
        redis.value(String.class).set(key, "not a cache entry");
        erase(id);
        assertThat(counter("invalidation-failed")).isEqualTo(failedBefore + 1);

        // meanwhile a stale copy of the record is back in place (atomically), as a reader that
        // loaded it before the erasure would leave it
        String stale = "hms:test-stale:" + id;
        redis.hash(String.class).hset(stale, Map.of("v", "0", "d", "{\"id\":\"" + id + "\",\"name\":{\"family\":\""
                + family + "\"}}"));
        redis.key().rename(stale, key);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(redis.hash(String.class).hget(key, "d")).isNull());
        given().auth().oauth2(TestTokens.of("nurse")).get(PATIENTS + "/" + id).then().statusCode(410);
        assertThat(counter("invalidation-retried")).isPositive();
    }

    private double counter(String result) {
        return registry.counter("hms.cache.requests", "cache", "patients", "result", result).count();
    }

    private List<String> pendingTypes(String id) {
        return rows("select type from outbox where message_key = $1 and sent_at is null and type like"
                        + " 'org.hms.patients.%' order by position", id).stream()
                .map(row -> row.getString(0))
                .toList();
    }

    private List<Row> rows(String sql, Object... params) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery(sql).execute(Tuple.tuple(Arrays.asList(params))).await().atMost(WAIT).forEach(rows::add);
        return rows;
    }

    private static String family(Map<String, Object> body) {
        return (String) ((Map<?, ?>) body.get("name")).get("family");
    }

    private static io.restassured.response.ValidatableResponse registerWithKey(Map<String, Object> body, String key) {
        return given().auth().oauth2(TestTokens.of("receptionist")).contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .post(PATIENTS)
                .then();
    }

    private static void merge(UUID duplicate, UUID survivor) {
        given().auth().oauth2(TestTokens.of("admin")).contentType(ContentType.JSON)
                .body(Map.of("survivorId", survivor.toString()))
                .post(PATIENTS + "/" + duplicate + "/merge")
                .then()
                .statusCode(200);
    }

    private static void erase(String id) {
        given().auth().oauth2(TestTokens.of("admin")).contentType(ContentType.JSON)
                .body(Map.of("reason", "GDPR art. 17 request"))
                .post(PATIENTS + "/" + id + "/erasure")
                .then()
                .statusCode(200);
    }
}
