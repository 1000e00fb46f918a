package org.hms.identity.user;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hms.identity.Accounts.USERS;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hms.contracts.EventSchemas;
import org.hms.contracts.audit.AuditRecorded;
import org.hms.contracts.Topics;
import org.hms.identity.Accounts;
import org.hms.identity.Accounts.Account;
import org.hms.platform.testing.KafkaEvents;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** What other services and the audit trail learn from identity, on the real broker. */
@QuarkusTest
class AccountEventsTest {

    static final KafkaEvents kafka = new KafkaEvents();

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void everyAccountChangePublishesASchemaValidEventWithoutAnyPassword() {
        KafkaEvents.Mark mark = kafka.mark(Topics.IDENTITY);
        Account account = Accounts.create("nurse");
        String path = USERS + "/" + account.id();
        admin().header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Map.of("roles", List.of("nurse", "receptionist")))
                .put(path + "/roles")
                .then()
                .statusCode(200);
        admin().header("If-Match", "\"1\"").post(path + "/disable").then().statusCode(200);
        admin().header("If-Match", "\"2\"").post(path + "/enable").then().statusCode(200);
        admin().header("If-Match", "\"3\"").contentType(ContentType.JSON)
                .body(Map.of("newPassword", Accounts.password()))
                .post(path + "/password")
                .then()
                .statusCode(200);

        List<ConsumerRecord<String, String>> records =
                kafka.await(mark, 4, KafkaEvents.key(account.id()), KafkaEvents.DEFAULT_TIMEOUT);

        List<JsonNode> envelopes = records.stream().map(AccountEventsTest::json).toList();
        assertThat(envelopes).extracting(e -> e.get("type").asText()).containsExactly(
                "org.hms.identity.UserCreated",
                "org.hms.identity.UserRolesChanged",
                "org.hms.identity.UserDisabled",
                "org.hms.identity.UserEnabled");
        for (int i = 0; i < envelopes.size(); i++) {
            JsonNode envelope = envelopes.get(i);
            assertThat(EventSchemas.envelopeViolations(envelope)).isEmpty();
            assertThat(envelope.get("source").asText()).isEqualTo("/hms/identity");
            assertThat(envelope.get("subject").asText()).isEqualTo(account.id().toString());
            assertThat(envelope.get("data").get("version").asLong()).isEqualTo(i);
            assertThat(envelope.get("data").get("username").asText()).isEqualTo(account.username());
            assertThat(records.get(i).value()).doesNotContainIgnoringCase("password").doesNotContain("$2a$");
        }
        assertThat(envelopes.get(0).get("data").get("roles").toString()).isEqualTo("[\"nurse\"]");
        assertThat(envelopes.get(1).get("data").get("previousRoles").toString()).isEqualTo("[\"nurse\"]");
        assertThat(envelopes.get(1).get("data").get("roles").toString()).isEqualTo("[\"nurse\",\"receptionist\"]");
    }

    @Test
    void everyAdminChangeIsAuditedWithTheAdminAndTheAccount() {
        KafkaEvents.Mark mark = kafka.mark(Topics.AUDIT);
        Account account = Accounts.create("physician");
        String requestId = admin().header("If-Match", "\"0\"").post(USERS + "/" + account.id() + "/disable")
                .then()
                .statusCode(200)
                .extract()
                .header("X-Request-Id");

        JsonNode created = json(kafka.awaitOne(mark, r -> r.value().contains("\"user-create\"")
                && r.value().contains(account.id().toString())));
        JsonNode disabled = json(kafka.awaitOne(mark, KafkaEvents.containing(requestId)));

        for (JsonNode audit : List.of(created, disabled)) {
            assertThat(EventSchemas.envelopeViolations(audit)).isEmpty();
            JsonNode data = audit.get("data");
            assertThat(data.get("actor").asText()).isEqualTo("test-admin");
            assertThat(data.get("roles").toString()).contains("admin");
            assertThat(data.get("resource").asText()).isEqualTo("User");
            assertThat(data.get("resourceId").asText()).isEqualTo(account.id().toString());
            assertThat(data.get("outcome").asText()).isEqualTo("success");
            assertThat(data.get("service").asText()).isEqualTo("identity");
        }
        assertThat(disabled.get("data").get("action").asText()).isEqualTo("user-disable");
        assertThat(disabled.get("data").get("path").asText()).isEqualTo(USERS + "/" + account.id() + "/disable");
    }

    @Test
    void refusedAdminCallsAreAuditedAndAllowedOnesOnlyOnce() {
        Account account = Accounts.create("physician");
        String path = USERS + "/" + account.id() + "/disable";
        KafkaEvents.Mark mark = kafka.mark(Topics.AUDIT);

        String byAdmin = admin().header("If-Match", "\"0\"").post(path)
                .then().statusCode(200).extract().header("X-Request-Id");
        String byNurse = given().auth().oauth2(TestTokens.of("nurse")).header("If-Match", "\"1\"").post(path)
                .then().statusCode(403).extract().header("X-Request-Id");
        String byNobody = given().header("If-Match", "\"0\"").post(path)
                .then().statusCode(401).extract().header("X-Request-Id");
        String listing = given().auth().oauth2(TestTokens.of("receptionist")).get(USERS)
                .then().statusCode(403).extract().header("X-Request-Id");

        JsonNode nurse = json(kafka.awaitOne(mark, KafkaEvents.containing(byNurse))).get("data");
        assertThat(nurse.get("actor").asText()).isEqualTo("test-nurse");
        assertThat(nurse.get("action").asText()).isEqualTo("user-disable");
        assertThat(nurse.get("resource").asText()).isEqualTo("User");
        assertThat(nurse.get("resourceId").asText()).isEqualTo(account.id().toString());
        assertThat(nurse.get("outcome").asText()).isEqualTo("denied");
        assertThat(nurse.get("status").asInt()).isEqualTo(403);
        assertThat(nurse.path("patientIds")).as("an account id is not a patient").isEmpty();
        JsonNode nobody = json(kafka.awaitOne(mark, KafkaEvents.containing(byNobody))).get("data");
        assertThat(nobody.get("actor").asText()).isEqualTo("anonymous");
        assertThat(nobody.get("status").asInt()).isEqualTo(401);
        JsonNode list = json(kafka.awaitOne(mark, KafkaEvents.containing(listing))).get("data");
        assertThat(list.get("action").asText()).isEqualTo("user-list");
        assertThat(list.get("outcome").asText()).isEqualTo("denied");
        // the allowed change is audited once, in its transaction, not again by the filter: a second
        // event would have been committed before the refused calls' and so published before them
        assertThat(kafka.since(mark)).filteredOn(r -> r.value().contains(byAdmin)).hasSize(1);
    }

    @Test
    void failedAdminCallsAreAuditedWithTheirStatusAndOutcome() {
        Account account = Accounts.create("physician");
        String path = USERS + "/" + account.id();
        KafkaEvents.Mark mark = kafka.mark(Topics.AUDIT);

        String stale = admin().header("If-Match", "\"7\"").post(path + "/disable")
                .then().statusCode(412).extract().header("X-Request-Id");
        String unknown = admin().get(USERS + "/" + java.util.UUID.randomUUID())
                .then().statusCode(404).extract().header("X-Request-Id");
        String invalid = admin().header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Map.of("roles", List.of("wizard")))
                .put(path + "/roles")
                .then().statusCode(400).extract().header("X-Request-Id");

        JsonNode disable = json(kafka.awaitOne(mark, KafkaEvents.containing(stale))).get("data");
        assertThat(disable.get("action").asText()).isEqualTo("user-disable");
        assertThat(disable.get("resourceId").asText()).isEqualTo(account.id().toString());
        assertThat(disable.get("outcome").asText()).isEqualTo("failed");
        assertThat(disable.get("status").asInt()).isEqualTo(412);
        JsonNode read = json(kafka.awaitOne(mark, KafkaEvents.containing(unknown))).get("data");
        assertThat(read.get("action").asText()).isEqualTo("user-read");
        assertThat(read.get("outcome").asText()).isEqualTo("not-found");
        JsonNode roles = json(kafka.awaitOne(mark, KafkaEvents.containing(invalid))).get("data");
        assertThat(roles.get("action").asText()).isEqualTo("user-roles-change");
        assertThat(roles.get("outcome").asText()).isEqualTo("failed");
        assertThat(roles.get("status").asInt()).isEqualTo(400);
        for (JsonNode audit : List.of(disable, read, roles)) {
            assertThat(EventSchemas.violations(AuditRecorded.CONTRACT, audit)).isEmpty();
            assertThat(audit.get("actor").asText()).isEqualTo("test-admin");
        }
    }

    @Test
    void everySignInSuccessAndFailureIsAudited() {
        Account nurse = Accounts.create("nurse");
        KafkaEvents.Mark mark = kafka.mark(Topics.AUDIT);

        String failed = Accounts.signIn(nurse.username(), "not the password").then().statusCode(401).extract()
                .header("X-Request-Id");
        String succeeded = Accounts.signIn(nurse.username(), nurse.password()).then().statusCode(200).extract()
                .header("X-Request-Id");
        String unknown = Accounts.username();
        String nobody = Accounts.signIn(unknown, "whatever it is").then().statusCode(401).extract()
                .header("X-Request-Id");

        JsonNode failure = json(kafka.awaitOne(mark, KafkaEvents.containing(failed)));
        JsonNode success = json(kafka.awaitOne(mark, KafkaEvents.containing(succeeded)));
        JsonNode stranger = json(kafka.awaitOne(mark, KafkaEvents.containing(nobody)));
        for (JsonNode audit : List.of(failure, success, stranger)) {
            assertThat(EventSchemas.envelopeViolations(audit)).isEmpty();
            assertThat(audit.get("data").get("action").asText()).isEqualTo("login");
            assertThat(audit.get("data").get("path").asText()).isEqualTo(Accounts.TOKEN);
            assertThat(audit.toString()).doesNotContain("not the password").doesNotContain(nurse.password());
        }
        assertThat(failure.get("data").get("actor").asText()).isEqualTo(nurse.username());
        assertThat(failure.get("data").get("outcome").asText()).isEqualTo("denied");
        assertThat(failure.get("data").get("status").asInt()).isEqualTo(401);
        assertThat(success.get("data").get("actor").asText()).isEqualTo(nurse.username());
        assertThat(success.get("data").get("roles").toString()).isEqualTo("[\"nurse\"]");
        assertThat(success.get("data").get("resourceId").asText()).isEqualTo(nurse.id().toString());
        assertThat(success.get("data").get("outcome").asText()).isEqualTo("success");
        assertThat(stranger.get("data").get("actor").asText()).isEqualTo(unknown);
        assertThat(stranger.get("data").get("outcome").asText()).isEqualTo("denied");
    }

    @Test
    void refreshesLogoutsAndReusesAreAudited() {
        Account nurse = Accounts.create("nurse");
        String first = Accounts.tokens(nurse).path("refresh_token");
        KafkaEvents.Mark mark = kafka.mark(Topics.AUDIT);

        String second = Accounts.refresh(first).then().statusCode(200).extract().path("refresh_token");
        String reuse = Accounts.refresh(first).then().statusCode(401).extract().header("X-Request-Id");
        String logout = given().contentType(ContentType.JSON).body(Map.of("refreshToken", second))
                .post(Accounts.LOGOUT)
                .then()
                .statusCode(204)
                .extract()
                .header("X-Request-Id");

        JsonNode reused = json(kafka.awaitOne(mark, KafkaEvents.containing(reuse))).get("data");
        assertThat(reused.get("action").asText()).isEqualTo("refresh");
        assertThat(reused.get("actor").asText()).isEqualTo(nurse.username());
        assertThat(reused.get("outcome").asText()).isEqualTo("denied");
        JsonNode loggedOut = json(kafka.awaitOne(mark, KafkaEvents.containing(logout))).get("data");
        assertThat(loggedOut.get("action").asText()).isEqualTo("logout");
        assertThat(loggedOut.get("outcome").asText()).isEqualTo("success");
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.of("admin"));
    }

    private static JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return EventSchemas.JSON.readTree(record.value());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
