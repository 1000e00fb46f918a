package org.hms.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.hms.gateway.openapi.OpenApiMerger.Source;
import org.junit.jupiter.api.Test;

class OpenApiMergerTest {

    private static final JsonObject INFO = new JsonObject().put("title", "HMS API");

    @Test
    void identicalComponentsAreKeptOnceUnderTheirOwnName() {
        JsonObject merged = OpenApiMerger.merge(INFO, List.of(
                new Source("patients", document("/api/v1/patients", "Instant", "{\"type\":\"string\"}")),
                new Source("lab", document("/api/v1/lab", "Instant", "{\"type\":\"string\"}"))), (s, p) -> true);

        assertThat(merged.getJsonObject("components").getJsonObject("schemas").fieldNames()).containsExactly("Instant");
        assertThat(merged.getJsonObject("paths").fieldNames()).containsExactlyInAnyOrder("/api/v1/patients", "/api/v1/lab");
    }

    @Test
    void aRenameSpreadsToDefinitionsThatReferToARenamedOne() {
        // Page is written the same in both documents but means different things: its Item differs
        String page = "{\"type\":\"object\",\"properties\":{\"items\":{\"type\":\"array\",\"items\":"
                + "{\"$ref\":\"#/components/schemas/Item\"}}}}";
        JsonObject patients = document("/api/v1/patients", "Page", page);
        schemas(patients).put("Item", new JsonObject("{\"properties\":{\"mrn\":{}}}"));
        JsonObject lab = document("/api/v1/lab", "Page", page);
        schemas(lab).put("Item", new JsonObject("{\"properties\":{\"loinc\":{}}}"));

        JsonObject merged = OpenApiMerger.merge(INFO, List.of(new Source("patients", patients), new Source("lab", lab)),
                (s, p) -> true);

        assertThat(schemas(merged).fieldNames())
                .containsExactlyInAnyOrder("patients_Page", "patients_Item", "lab_Page", "lab_Item");
        assertThat(schemas(merged).getJsonObject("lab_Page").encode()).contains("#/components/schemas/lab_Item");
        assertThat(merged.getJsonObject("paths").encode())
                .contains("#/components/schemas/patients_Page")
                .contains("#/components/schemas/lab_Page");
        // the sources are left as they were
        assertThat(schemas(patients).fieldNames()).containsExactlyInAnyOrder("Page", "Item");
    }

    @Test
    void aRenamedSecuritySchemeIsRenamedInTheRequirementsToo() {
        JsonObject patients = document("/api/v1/patients", "Instant", "{}");
        patients.getJsonObject("components").put("securitySchemes",
                new JsonObject().put("jwt", new JsonObject().put("scheme", "bearer")));
        patients.put("security", new JsonArray().add(new JsonObject().put("jwt", new JsonArray())));
        JsonObject lab = document("/api/v1/lab", "Instant", "{}");
        lab.getJsonObject("components").put("securitySchemes",
                new JsonObject().put("jwt", new JsonObject().put("scheme", "basic")));

        JsonObject merged = OpenApiMerger.merge(INFO, List.of(new Source("patients", patients), new Source("lab", lab)),
                (s, p) -> true);

        assertThat(merged.getJsonObject("components").getJsonObject("securitySchemes").fieldNames())
                .containsExactlyInAnyOrder("patients_jwt", "lab_jwt");
        assertThat(merged.getJsonArray("security").encode()).isEqualTo("[{\"patients_jwt\":[]}]");
    }

    @Test
    void onlyThePathsAServiceOwnsAreTaken() {
        JsonObject patients = document("/api/v1/patients", "Instant", "{}");
        patients.getJsonObject("paths").put("/api/v1/users/x", new JsonObject().put("get", new JsonObject()));

        JsonObject merged = OpenApiMerger.merge(INFO, List.of(new Source("patients", patients)),
                (service, path) -> path.startsWith("/api/v1/patients"));

        assertThat(merged.getJsonObject("paths").fieldNames()).containsExactly("/api/v1/patients");
    }

    /** A document with one path whose answer is the schema {@code name}, defined as {@code schema}. */
    private static JsonObject document(String path, String name, String schema) {
        JsonObject answer = new JsonObject().put("200", new JsonObject().put("content", new JsonObject()
                .put("application/json", new JsonObject().put("schema",
                        new JsonObject().put("$ref", "#/components/schemas/" + name)))));
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("paths", new JsonObject().put(path, new JsonObject().put("get",
                        new JsonObject().put("responses", answer))))
                .put("components", new JsonObject().put("schemas", new JsonObject().put(name, new JsonObject(schema))));
    }

    private static JsonObject schemas(JsonObject document) {
        return document.getJsonObject("components").getJsonObject("schemas");
    }
}
