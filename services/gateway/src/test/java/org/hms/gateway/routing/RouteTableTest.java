package org.hms.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hms.contracts.system.ServiceEntry;
import org.hms.contracts.system.SystemDescriptor;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private final RouteTable table = new RouteTable(
            Map.of("/api/v1/patients", "patients",
                    "/api/v1/patients/reports/", "analytics",
                    "/api/v1/auth", "identity",
                    "/.well-known/jwks.json", "identity"),
            List.of("/api/v1/auth/token"),
            Set.of("patients", "analytics", "identity"));

    @Test
    void theLongestPrefixWins() {
        assertThat(table.match("/api/v1/patients/reports/monthly")).map(Route::upstream).contains("analytics");
        assertThat(table.match("/api/v1/patients/reports")).map(Route::upstream).contains("analytics");
        assertThat(table.match("/api/v1/patients/42")).map(Route::upstream).contains("patients");
        assertThat(table.match("/api/v1/patients")).map(Route::upstream).contains("patients");
    }

    @Test
    void aWildcardRouteTakesASubResourceOfAnotherServicesResource() {
        RouteTable withVitals = new RouteTable(
                Map.of("/api/v1/patients", "patients", "/api/v1/patients/*/vitals", "clinical"),
                List.of(), Set.of("patients", "clinical"));

        assertThat(withVitals.match("/api/v1/patients/42/vitals")).map(Route::upstream).contains("clinical");
        assertThat(withVitals.match("/api/v1/patients/42/vitals/7")).map(Route::upstream).contains("clinical");
        assertThat(withVitals.match("/api/v1/patients/42")).map(Route::upstream).contains("patients");
        assertThat(withVitals.match("/api/v1/patients/42/export")).map(Route::upstream).contains("patients");
    }

    @Test
    void aPrefixCoversWholePathSegmentsOnly() {
        assertThat(table.match("/api/v1/patientsx")).isEmpty();
        assertThat(table.match("/api/v1/authority")).isEmpty();
        assertThat(table.match("/api/v1")).isEmpty();
    }

    @Test
    void prefixesOutsideTheApiNeedMountsOfTheirOwn() {
        assertThat(table.prefixesOutsideApi()).containsExactly("/.well-known/jwks.json");
    }

    @Test
    void onlyListedPathsArePublic() {
        assertThat(table.isPublic("/api/v1/auth/token")).isTrue();
        assertThat(table.isPublic("/api/v1/auth/token/")).isFalse();
        assertThat(table.isPublic("/api/v1/auth")).isFalse();
    }

    @Test
    void aRouteToAnUnknownUpstreamStopsTheStart() {
        assertThatThrownBy(() -> new RouteTable(Map.of("/api/v1/labs", "lab"), List.of(), Set.of("patients")))
                .hasMessageContaining("/api/v1/labs names lab");
    }

    @Test
    void theDescriptorsRoutesComeFirstAndConfigurationAddsOthers() {
        SystemDescriptor system = new SystemDescriptor(List.of(
                new ServiceEntry("gateway", 9000, false, null, null, null),
                new ServiceEntry("lab", 9007, true, null, null, List.of("/api/v1/lab-orders", "/api/v1/specimens"))),
                List.of());

        Map<String, String> routes = RouteTable.routes(system, Map.of("/api/v1/flaky", "flaky"));

        assertThat(routes).containsExactlyInAnyOrderEntriesOf(Map.of(
                "/api/v1/lab-orders", "lab", "/api/v1/specimens", "lab", "/api/v1/flaky", "flaky"));
        RouteTable table = new RouteTable(routes, List.of(), Set.of("lab", "flaky"));
        assertThat(table.match("/api/v1/specimens/9")).map(Route::upstream).contains("lab");
    }

    @Test
    void aConfiguredRouteCannotTakeOverPathsOfTheDescriptor() {
        SystemDescriptor system = new SystemDescriptor(
                List.of(new ServiceEntry("lab", 9007, true, null, null, List.of("/api/v1/lab-orders"))), List.of());

        assertThatThrownBy(() -> RouteTable.routes(system, Map.of("/api/v1/lab-orders/", "elsewhere")))
                .hasMessageContaining("/api/v1/lab-orders/ overlaps /api/v1/lab-orders, which hms.yaml routes to lab");
        assertThatThrownBy(() -> RouteTable.routes(system, Map.of("/api/v1/lab-orders/urgent", "elsewhere")))
                .hasMessageContaining("/api/v1/lab-orders/urgent overlaps /api/v1/lab-orders");
        assertThatThrownBy(() -> RouteTable.routes(system, Map.of("/api/v1", "elsewhere")))
                .hasMessageContaining("/api/v1 overlaps /api/v1/lab-orders");
    }
}
