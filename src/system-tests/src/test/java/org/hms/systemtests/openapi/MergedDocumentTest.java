package org.hms.systemtests.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hms.systemtests.running.RunningSystem;
import org.hms.systemtests.running.SystemUnderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code docs/api/openapi.json} is the gateway's merged document as the running system serves it
 * (compared as JSON; the refresh writes it with keys sorted, indented), so the client generated from the file at build time is the client of
 * the real API (ADR 011). When the API changes, this fails until the file is refreshed.
 */
@ExtendWith(RunningSystem.class)
class MergedDocumentTest {

    static final String COMMITTED = "docs/api/openapi.json";
    private static final ObjectMapper SORTED = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void theCommittedMergedDocumentIsWhatTheGatewayServes(SystemUnderTest system) throws IOException {
        Response served = given().baseUri(system.gatewayUrl()).accept("application/json").get("/openapi");
        assertThat(served.statusCode()).isEqualTo(200);
        String current = normalised(served.asString());
        Path fresh = Path.of(System.getProperty("hms.system-tests.target", "target"), "openapi.json");
        Files.writeString(fresh, current);
        Path committed = system.root().resolve(COMMITTED);

        assertThat(Files.exists(committed) ? SORTED.readTree(Files.readString(committed)) : null)
                .as("%s differs from the gateway's /openapi: if the API change is intended, refresh it with"
                        + "  cp %s %s  (then rebuild: the client is generated from it)", COMMITTED, fresh, committed)
                .isEqualTo(SORTED.readTree(current));
    }

    static String normalised(String json) {
        try {
            Object tree = SORTED.readValue(json, Object.class);
            return SORTED.writeValueAsString(tree) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
