package org.hms.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hms.gateway.testing.Callers;
import org.hms.gateway.testing.TestUpstream;
import org.hms.gateway.testing.UpstreamServers;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(UpstreamServers.class)
class ProxyTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final int MIB = 1024 * 1024;

    @TestHTTPResource("/")
    URI gateway;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void statusHeadersAndBodyTravelBothWaysUnchanged() {
        given().auth().oauth2(Callers.freshUser("receptionist"))
                .contentType(ContentType.JSON)
                .header("If-Match", "\"3\"")
                .header("Idempotency-Key", "key-123")
                .header("X-Break-Glass-Reason", "cardiac arrest in bay 4")
                .body("{\"name\":{\"family\":\"Kowalska\"}}")
                .post("/api/v1/patients/echo?status=202")
                .then()
                .statusCode(202)
                .contentType(ContentType.JSON)
                .header("ETag", "\"7\"")
                .header("Cache-Control", "no-store")
                .body("method", equalTo("POST"))
                .body("body", equalTo("{\"name\":{\"family\":\"Kowalska\"}}"))
                .body("headers.'if-match'", equalTo("\"3\""))
                .body("headers.'idempotency-key'", equalTo("key-123"))
                .body("headers.'x-break-glass-reason'", equalTo("cardiac arrest in bay 4"))
                .body("headers.'content-type'", startsWith("application/json"));
    }

    @Test
    void hopByHopHeadersStopAtTheGateway() {
        Response answer = given().auth().oauth2(Callers.freshUser("nurse"))
                .header("Connection", "keep-alive, X-Client-Hop")
                .header("X-Client-Hop", "for the gateway only")
                .header("Proxy-Authorization", "Basic c2VjcmV0")
                .get("/api/v1/patients/echo");
        answer.then()
                .statusCode(200)
                .header("X-Hop", nullValue())
                .header("Keep-Alive", nullValue())
                .header("Access-Control-Allow-Origin", nullValue())
                .body("headers.'x-client-hop'", nullValue())
                .body("headers.'proxy-authorization'", nullValue());
    }

    @Test
    void aCreatedResourceIsLocatedAtTheGatewayWithItsVersion() {
        given().auth().oauth2(Callers.freshUser("receptionist"))
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/patients/created")
                .then()
                .statusCode(201)
                .header("ETag", "\"0\"")
                .header("Location", matchesPattern("http://localhost:" + gateway.getPort() + "/api/v1/patients/" + UUID_PATTERN));
    }

    @Test
    void ifMatchReachesTheServiceAndItsVerdictComesBack() {
        String token = Callers.freshUser("receptionist");
        given().auth().oauth2(token).header("If-Match", "\"3\"").contentType(ContentType.JSON).body("{}")
                .put("/api/v1/patients/guarded")
                .then()
                .statusCode(200)
                .header("ETag", "\"4\"");
        given().auth().oauth2(token).header("If-Match", "\"2\"").contentType(ContentType.JSON).body("{}")
                .put("/api/v1/patients/guarded")
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("https://hms.example.org/problems/stale-version"));
    }

    @Test
    void anAnswerWithoutContentStaysEmpty() {
        given().auth().oauth2(Callers.freshUser("admin")).delete("/api/v1/patients/no-content")
                .then()
                .statusCode(204)
                .header("Transfer-Encoding", nullValue());
    }

    @Test
    void aLargeUploadStreamsThroughIntact() throws Exception {
        long size = 24L * MIB;
        String token = Callers.freshUser("receptionist");
        // chunked: the length is not known in advance
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(gateway.resolve("/api/v1/patients/digest"))
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> patternStream(size)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(200);
        assertThat(chunked.body())
                .contains("\"length\":" + size)
                .contains("\"sha256\":\"" + expectedSha256(size) + "\"")
                .contains("\"chunked\":true");
        // with Content-Length
        byte[] body = TestUpstream.pattern(3 * MIB);
        given().auth().oauth2(token).contentType(ContentType.BINARY).body(body)
                .post("/api/v1/patients/digest")
                .then()
                .statusCode(200)
                .body("length", equalTo(body.length))
                .body("sha256", equalTo(expectedSha256(body.length)))
                .body("chunked", equalTo(false));
    }

    @Test
    void aLargeDownloadStreamsThroughIntact() throws Exception {
        long size = 48L * MIB;
        HttpResponse<InputStream> answer = http.send(
                HttpRequest.newBuilder(gateway.resolve("/api/v1/patients/stream?mb=48"))
                        .header("Authorization", "Bearer " + Callers.freshUser("physician"))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(answer.statusCode()).isEqualTo(200);
        MessageDigest sha = TestUpstream.sha256();
        long read = 0;
        try (InputStream in = answer.body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; read += n) {
                sha.update(buffer, 0, n);
            }
        }
        assertThat(read).isEqualTo(size);
        assertThat(HexFormat.of().formatHex(sha.digest())).isEqualTo(expectedSha256(size));
    }

    @Test
    void theFirstBytesOfAnAnswerArriveBeforeTheServiceHasFinishedIt() throws Exception {
        String gate = UUID.randomUUID().toString();
        String token = Callers.freshUser("physician");
        HttpResponse<InputStream> answer = http.send(
                HttpRequest.newBuilder(gateway.resolve("/api/v1/patients/stream?mb=4&gate=" + gate))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = answer.body()) {
            // the service has sent 64 KiB and waits for the gate: a buffering proxy would send nothing yet
            byte[] first = CompletableFuture.supplyAsync(() -> readFully(in, 64 * 1024)).get(20, TimeUnit.SECONDS);
            assertThat(first).isEqualTo(TestUpstream.pattern(64 * 1024));

            given().auth().oauth2(token).get("/api/v1/patients/release?gate=" + gate).then().statusCode(204);
            long rest = in.transferTo(java.io.OutputStream.nullOutputStream());
            assertThat(first.length + rest).isEqualTo(4L * MIB);
        }
    }

    /**
     * The alert stream's case: events a while apart. The route's timeout is 500 ms and the events
     * come 700 ms apart — an answer whose head is that late gets a 504, a stream that has begun
     * does not — and each event reaches the client before the service has written the next.
     */
    @Test
    void serverSentEventsFlowOneByOneThoughFartherApartThanTheRequestTimeout() throws Exception {
        String token = Callers.freshUser("nurse");
        HttpResponse<Stream<String>> answer = http.send(
                HttpRequest.newBuilder(gateway.resolve("/api/v1/sluggish/events?n=3&everyMs=700"))
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofLines());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).contains("text/event-stream");
        List<String> data = new ArrayList<>();
        List<Long> arrivals = new ArrayList<>();
        try (Stream<String> lines = answer.body()) {
            lines.filter(line -> line.startsWith("data: ")).forEach(line -> {
                data.add(line);
                arrivals.add(System.nanoTime());
            });
        }
        assertThat(data).containsExactly("data: {\"n\":1}", "data: {\"n\":2}", "data: {\"n\":3}");
        // buffered until the end, all three would arrive together
        assertThat(TimeUnit.NANOSECONDS.toMillis(arrivals.get(2) - arrivals.get(0))).isGreaterThan(1000);
    }

    @Test
    void aSaneRequestIdIsKeptAndEchoed() {
        given().auth().oauth2(Callers.freshUser("nurse"))
                .header("X-Request-Id", "ward-7:abc.123")
                .get("/api/v1/patients/echo")
                .then()
                .statusCode(200)
                .header("X-Request-Id", "ward-7:abc.123")
                .body("headers.'x-request-id'", equalTo("ward-7:abc.123"));
    }

    @Test
    void aMissingOrInsaneRequestIdIsReplacedWithAFreshOne() {
        for (String given : new String[] {null, "not sane; <script>", "x".repeat(200)}) {
            var request = given().auth().oauth2(Callers.freshUser("nurse"));
            if (given != null) {
                request.header("X-Request-Id", given);
            }
            Response answer = request.get("/api/v1/patients/echo");
            answer.then().statusCode(200).header("X-Request-Id", matchesPattern(UUID_PATTERN));
            assertThat(answer.<String>path("headers.'x-request-id'")).isEqualTo(answer.header("X-Request-Id"));
        }
    }

    @Test
    void theClientsTraceContextReachesTheService() {
        String traceparent = "00-" + UUID.randomUUID().toString().replace("-", "") + "-00f067aa0ba902b7-01";
        given().auth().oauth2(Callers.freshUser("nurse"))
                .header("traceparent", traceparent)
                .header("tracestate", "hms=ward7")
                .get("/api/v1/patients/echo")
                .then()
                .statusCode(200)
                .body("headers.traceparent", equalTo(traceparent))
                .body("headers.tracestate", equalTo("hms=ward7"));
    }

    @Test
    void aRequestWithoutTraceContextGetsOneAtTheGateway() {
        String first = given().auth().oauth2(Callers.freshUser("nurse")).get("/api/v1/patients/echo")
                .then().statusCode(200).extract().path("headers.traceparent");
        String second = given().auth().oauth2(Callers.freshUser("nurse")).get("/api/v1/patients/echo")
                .then().statusCode(200).extract().path("headers.traceparent");

        assertThat(first).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        assertThat(second).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        assertThat(first.substring(3, 35)).as("a new trace each").isNotEqualTo(second.substring(3, 35));
    }

    @Test
    void theServiceLearnsWhereTheRequestCameFrom() {
        given().auth().oauth2(Callers.freshUser("nurse"))
                .header(Callers.FORWARDED_FOR, "203.0.113.9")
                .get("/api/v1/patients/echo")
                .then()
                .statusCode(200)
                .body("headers.'x-forwarded-for'", equalTo("203.0.113.9, 127.0.0.1"))
                .body("headers.'x-forwarded-proto'", equalTo("http"))
                .body("headers.host", equalTo("localhost:" + gateway.getPort()));
    }

    private static InputStream patternStream(long size) {
        byte[] block = TestUpstream.pattern(MIB);
        return new SequenceInputStream(Collections.enumeration(Collections.nCopies((int) (size / MIB), block).stream()
                .map(java.io.ByteArrayInputStream::new)
                .toList()));
    }

    private static String expectedSha256(long size) {
        MessageDigest sha = TestUpstream.sha256();
        byte[] block = TestUpstream.pattern(64 * 1024);
        for (long done = 0; done < size; done += block.length) {
            sha.update(block, 0, (int) Math.min(block.length, size - done));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static byte[] readFully(InputStream in, int length) {
        try {
            return in.readNBytes(length);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
