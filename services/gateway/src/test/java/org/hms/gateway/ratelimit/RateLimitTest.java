package org.hms.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.redis.client.Redis;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.hms.gateway.config.GatewayConfig;
import org.hms.gateway.edge.Caller;
import org.hms.gateway.metrics.GatewayMetrics;
import org.hms.gateway.testing.Callers;
import org.hms.gateway.testing.UpstreamServers;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Limits of the test profile: search 3 per minute per user, patients 5 per minute, sign-in 3 per
 * minute per client IP; staff otherwise 100,000. Each test calls as a user or IP of its own.
 */
@QuarkusTest
@WithTestResource(UpstreamServers.class)
class RateLimitTest {

    private static final String SEARCH = "/api/v1/patients";

    @Inject
    GatewayConfig config;

    @Inject
    GatewayMetrics metrics;

    @Inject
    MeterRegistry registry;

    /** Another gateway replica: a Vert.x and a Redis client of its own, the same Redis key space. */
    private Vertx otherReplica;

    @BeforeEach
    void startOtherReplica() {
        otherReplica = Vertx.vertx();
    }

    @AfterEach
    void stopOtherReplica() {
        otherReplica.close();
    }

    @Test
    void theRequestAfterTheLimitIsRefusedWith429AndRetryAfter() {
        String token = Callers.freshUser("physician");
        for (int remaining = 2; remaining >= 0; remaining--) {
            Response admitted = search(token, "Kow" + remaining);
            admitted.then()
                    .statusCode(200)
                    .header("RateLimit-Limit", "3")
                    .header("RateLimit-Remaining", String.valueOf(remaining));
            assertThat(Integer.parseInt(admitted.header("RateLimit-Reset"))).isBetween(1, 60);
        }
        String refused = "Kowalska-" + UUID.randomUUID();
        Response answer = search(token, refused);
        answer.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("https://hms.example.org/problems/rate-limited"))
                .body("status", equalTo(429))
                .body("policy", equalTo("search"))
                .header("RateLimit-Limit", "3")
                .header("RateLimit-Remaining", "0")
                .header("Retry-After", notNullValue());
        assertThat(Integer.parseInt(answer.header("Retry-After"))).isBetween(1, 60);
        assertThat(UpstreamServers.patients().received())
                .noneMatch(r -> r.getString("uri").contains(refused));
    }

    @Test
    void aStricterRuleLeavesTheCallersOtherRequestsAlone() {
        String token = Callers.freshUser("nurse");
        for (int i = 0; i < 3; i++) {
            search(token, "Nowak").then().statusCode(200);
        }
        search(token, "Nowak").then().statusCode(429);
        // a read by id, and a listing without criteria, count against the staff tier only
        given().auth().oauth2(token).get(SEARCH + "/" + UUID.randomUUID())
                .then().statusCode(200).header("RateLimit-Limit", "100000");
        given().auth().oauth2(token).get(SEARCH).then().statusCode(200).header("RateLimit-Limit", "100000");
    }

    @Test
    void aPatientHasTheSmallerBudgetOfThePatientTier() {
        String token = TestTokens.patient(UUID.randomUUID());
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(token).get(SEARCH + "/" + UUID.randomUUID())
                    .then().statusCode(200).header("RateLimit-Limit", "5");
        }
        given().auth().oauth2(token).get(SEARCH + "/" + UUID.randomUUID())
                .then().statusCode(429).body("policy", equalTo("tier-patient"));
    }

    @Test
    void signInIsLimitedPerClientAddress() {
        String ip = Callers.freshClientIp();
        for (int i = 0; i < 3; i++) {
            signIn(ip).then().statusCode(200).header("RateLimit-Limit", "3");
        }
        signIn(ip).then().statusCode(429).body("policy", equalTo("login"));
        signIn(Callers.freshClientIp()).then().statusCode(200);
    }

    @Test
    void everyAnswerCarriesTheRateLimitHeadersErrorsToo() {
        given().header(Callers.FORWARDED_FOR, Callers.freshClientIp()).get("/api/v1/patients/1")
                .then().statusCode(401).header("RateLimit-Limit", "100000").header("RateLimit-Remaining", "99999");
        given().auth().oauth2(Callers.freshUser("nurse")).get("/api/v1/nowhere")
                .then().statusCode(404).header("RateLimit-Limit", "100000").header("RateLimit-Reset", notNullValue());
    }

    @Test
    void twoGatewayReplicasShareOneBudget() throws Exception {
        String user = "replicated-" + UUID.randomUUID();
        String token = TestTokens.as(user, "physician");
        Caller caller = new Caller(user, Set.of("physician"), Caller.Tier.STAFF, "127.0.0.1", false);
        Redis ownClient = Redis.createClient(otherReplica, config.rateLimit().redis());
        RateLimiter replica = new RateLimiter(() -> ownClient, config, metrics);

        // the other replica takes two of the three searches of this window...
        assertThat(await(replica.check(caller, HttpMethod.GET, SEARCH, true)).admitted()).isTrue();
        RateLimitDecision second = await(replica.check(caller, HttpMethod.GET, SEARCH, true));
        assertThat(second.admitted()).isTrue();
        assertThat(second.remaining()).isEqualTo(1);
        // ...so this one admits one more and refuses the next
        search(token, "Wiśniewska").then().statusCode(200).header("RateLimit-Remaining", "0");
        search(token, "Wiśniewska").then().statusCode(429);
        // and the other replica now refuses too
        RateLimitDecision refused = await(replica.check(caller, HttpMethod.GET, SEARCH, true));
        assertThat(refused.admitted()).isFalse();
        assertThat(refused.policy()).isEqualTo("search");
    }

    @Test
    void withoutRedisRequestsPassUncheckedAndAreCounted() throws Exception {
        int nothingListens;
        try (ServerSocket socket = new ServerSocket(0)) {
            nothingListens = socket.getLocalPort();
        }
        Redis unreachable = Redis.createClient(otherReplica, "redis://127.0.0.1:" + nothingListens);
        RateLimiter cutOff = new RateLimiter(() -> unreachable, config, metrics);
        double before = registry.counter("hms.gateway.rate.limit.unchecked").count();

        Caller caller = new Caller("cut-off-" + UUID.randomUUID(), Set.of("nurse"), Caller.Tier.STAFF, "127.0.0.1", false);
        RateLimitDecision decision = await(cutOff.check(caller, HttpMethod.GET, SEARCH, true));

        assertThat(decision.admitted()).isTrue();
        assertThat(decision.checked()).isFalse();
        assertThat(registry.counter("hms.gateway.rate.limit.unchecked").count()).isGreaterThanOrEqualTo(before + 1);
    }

    private static Response search(String token, String name) {
        return given().auth().oauth2(token).queryParam("name", name).get(SEARCH);
    }

    private static Response signIn(String ip) {
        return given().header(Callers.FORWARDED_FOR, ip)
                .contentType(ContentType.JSON)
                .body("{\"username\":\"someone\",\"password\":\"guess\"}")
                .post("/api/v1/auth/token");
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
