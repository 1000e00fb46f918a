package org.hms.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.hms.contracts.system.ServiceEntry;
import org.hms.contracts.system.SystemDescriptor;
import org.hms.gateway.testing.Callers;
import org.hms.gateway.testing.UpstreamServers;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(UpstreamServers.class)
class RoutingTest {

    @Test
    void aPathNoServiceOwnsIsA404Problem() {
        for (String path : new String[] {"/api/v1/nothing-here", "/api/v1/patientsx/1", "/api/v1"}) {
            given().auth().oauth2(Callers.freshUser("nurse"))
                    .get(path)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://hms.example.org/problems/not-found"))
                    .body("title", equalTo("Not found"))
                    .body("status", equalTo(404))
                    .body("instance", equalTo(path));
        }
    }

    @Test
    void everyRouteOfTheSystemDescriptorReachesItsService() {
        String admin = Callers.freshUser("admin");
        for (ServiceEntry service : SystemDescriptor.load().routedServices()) {
            for (String route : service.routes()) {
                for (String path : new String[] {route, route + "/42"}) {
                    given().auth().oauth2(admin).get(path)
                            .then().statusCode(200).body("upstream", equalTo(service.name()));
                }
            }
        }
    }

    @Test
    void aRouteAddedInConfigurationReachesItsUpstream() {
        given().auth().oauth2(Callers.freshUser("nurse")).get("/api/v1/uploads/7")
                .then().statusCode(200).body("uri", equalTo("/api/v1/uploads/7"));
    }

    @Test
    void thePathAndQueryReachTheServiceUnchanged() {
        given().auth().oauth2(Callers.freshUser("nurse"))
                .urlEncodingEnabled(false)
                .get("/api/v1/patients/a%2Fb?name=Kow%C3%A1lska&identifier=urn%3Aoid%7C123&page=2")
                .then()
                .statusCode(200)
                .body("uri", equalTo("/api/v1/patients/a%2Fb?name=Kow%C3%A1lska&identifier=urn%3Aoid%7C123&page=2"));
    }

    @Test
    void dotSegmentsAreResolvedBeforeRoutingSoThePathGoesWhereItReallyPoints() {
        given().auth().oauth2(Callers.freshUser("admin"))
                .urlEncodingEnabled(false)
                .get("/api/v1/patients/%2E%2E/users/7")
                .then()
                .statusCode(200)
                .body("upstream", equalTo("identity"))
                .body("uri", equalTo("/api/v1/users/7"));
    }
}
