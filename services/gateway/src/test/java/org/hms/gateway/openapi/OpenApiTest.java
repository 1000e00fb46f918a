package org.hms.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.hms.gateway.testing.UpstreamServers;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(UpstreamServers.class)
class OpenApiTest {

    @Test
    void oneDocumentHoldsThePathsOfEveryServiceThatAnswers() {
        given().accept("application/json")
                .get("/openapi")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("info.title", equalTo("HMS API"))
                .body("paths.'/api/v1/patients'.get", notNullValue())
                .body("paths.'/api/v1/patients/{id}'.get", notNullValue())
                .body("paths.'/api/v1/auth/token'.post", notNullValue())
                .body("paths.'/api/v1/users'.get", notNullValue())
                // the gateway's own routes, admin-only status page included
                .body("paths.'/openapi'.get", notNullValue())
                .body("paths.'/api/v1/gateway/status'.get.security[0].SecurityScheme", hasItem("admin"))
                // patients' document lists a path the gateway routes elsewhere: not patients' to publish
                .body("paths.'/api/v1/users/sneaky'", nullValue())
                // nothing listens for ghost: left out, and said so
                .body("'x-hms-unavailable'", hasItem("ghost"))
                .body("info.description", containsString("ghost"));
    }

    @Test
    void clashingComponentsAreRenamedPerServiceAndReferencesFollow() {
        given().get("/openapi")
                .then()
                .statusCode(200)
                .body("components.schemas.Problem", nullValue())
                .body("components.schemas.patients_Problem.properties.keySet()", not(hasItem("errors")))
                .body("components.schemas.identity_Problem.properties.keySet()", hasItem("errors"))
                .body("components.schemas.Instant.format", equalTo("date-time"))
                .body("components.securitySchemes.SecurityScheme.scheme", equalTo("bearer"))
                .body("paths.'/api/v1/patients/{id}'.get.responses.'404'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/patients_Problem"))
                .body("paths.'/api/v1/users'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/identity_Page"));
    }

    @Test
    void swaggerUiAtDocsReadsTheMergedDocument() {
        given().get("/docs/")
                .then()
                .statusCode(200)
                .body(containsString("swagger"));
        given().get("/docs/index.html")
                .then()
                .statusCode(200)
                .body(containsString("/openapi"));
    }
}
