package org.hms.systemtests.authorization;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hms.platform.security.Roles;
import org.hms.systemtests.authorization.AuthorizationMatrix.Rule;
import org.hms.systemtests.authorization.MatrixWalk.Mismatch;
import org.hms.systemtests.running.RunningSystem;
import org.hms.systemtests.running.SystemUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * docs/authorization-matrix.md against the running system: every operation of the gateway's
 * merged OpenAPI document has exactly one row with a rule, and every caller gets from the gateway
 * what that row says.
 */
@ExtendWith(RunningSystem.class)
class AuthorizationMatrixTest {

    private static AuthorizationMatrix matrix;
    private static List<Operation> documented;
    private static MatrixWalk walk;

    @BeforeAll
    static void readTableAndDocument(SystemUnderTest system) {
        matrix = AuthorizationMatrix.read(system.root().resolve("docs/authorization-matrix.md"));
        documented = Operation.allOf(given().baseUri(system.gatewayUrl()).get("/openapi?format=json").asString());
        UUID throwAway = system.registerPatient("Walk");
        walk = new MatrixWalk(system.gatewayUrl(), system.patientId(), throwAway);
    }

    @Test
    void everyDocumentedEndpointHasExactlyOneRuleAndEveryRuleAnEndpoint() {
        assertThat(documented).as("operations in the gateway's /openapi").isNotEmpty();
        List<String> problems = Coverage.problems(documented, matrix);
        assertThat(problems)
                .as("docs/authorization-matrix.md and the merged OpenAPI document disagree:%n  %s",
                        String.join("\n  ", problems))
                .isEmpty();
    }

    @Test
    void everyRowNamesTheServiceThatDocumentsIt(SystemUnderTest system) {
        Map<String, String> owner = new java.util.HashMap<>();
        system.serviceNames().stream().filter(s -> !s.equals(Coverage.GATEWAY)).forEach(service -> Operation.allOf(
                        given().baseUri(system.serviceUrl(service)).get("/q/openapi?format=json").asString())
                .forEach(op -> owner.put(op.key(), service)));
        // what no service documents itself is the gateway's own
        documented.forEach(op -> owner.putIfAbsent(op.key(), Coverage.GATEWAY));
        List<String> wrong = matrix.rules().stream()
                .filter(rule -> !rule.service().equals(owner.get(rule.key())))
                .map(rule -> rule.key() + ": the table says " + rule.service() + ", the OpenAPI documents say "
                        + owner.getOrDefault(rule.key(), "nobody"))
                .toList();
        assertThat(wrong).as("Service column:%n  %s", String.join("\n  ", wrong)).isEmpty();
    }

    @Test
    void everyCallerGetsWhatTheTableSaysThroughTheGateway() {
        List<Operation> operations = documented;
        int before = walk.calls();
        List<Mismatch> mismatches = walk.walk(operations, matrix);
        System.out.printf("authorisation walk: %d operations, %d calls through the gateway, %d mismatches%n",
                operations.size(), walk.calls() - before, mismatches.size());
        assertThat(mismatches)
                .as("%d answers differ from docs/authorization-matrix.md (allowed = anything but 401/403/429/5xx):%n  %s",
                        mismatches.size(),
                        mismatches.stream().map(Mismatch::toString).collect(Collectors.joining("\n  ")))
                .isEmpty();
        long ruled = operations.stream().filter(op -> matrix.rule(op.method(), op.path()).isPresent()).count();
        assertThat(walk.calls() - before).as("calls: no token, 7 staff roles, 1+ patient per operation")
                .isGreaterThanOrEqualTo((int) ruled * 9);
    }

    @Test
    void aTableThatForgetsARoleOrTheSelfRuleFailsTheWalk() {
        Rule search = matrix.rule("GET", "/api/v1/patients").orElseThrow();
        Rule read = matrix.rule("GET", "/api/v1/patients/{id}").orElseThrow();
        assertThat(search.roles()).contains(Roles.NURSE);
        assertThat(read.patientSelf()).isTrue();
        AuthorizationMatrix wrong = matrix.with(search.without(Roles.NURSE))
                .with(new Rule(read.service(), read.method(), read.path(), read.access(), read.roles(), false));

        List<Mismatch> mismatches = walk.walk(
                List.of(new Operation("GET", "/api/v1/patients"), new Operation("GET", "/api/v1/patients/{id}")),
                wrong);

        assertThat(mismatches)
                .extracting(m -> m.method() + " " + m.path() + " " + m.caller() + " expected " + m.expected())
                .containsExactlyInAnyOrder(
                        "GET /api/v1/patients nurse expected 403",
                        "GET /api/v1/patients/{id} patient (own) expected 403");
        assertThat(mismatches).extracting(Mismatch::actual).containsOnly(200);
    }

    @Test
    void aTableThatMissesAnEndpointOrHasAStaleRowFailsTheCoverageCheck() {
        Rule export = matrix.rule("GET", "/api/v1/patients/{id}/export").orElseThrow();
        List<Rule> rules = new ArrayList<>(matrix.rules());
        rules.remove(export);
        rules.add(new Rule("patients", "DELETE", "/api/v1/patients/{id}", AuthorizationMatrix.Access.ROLES,
                java.util.Set.of(Roles.ADMIN), false));
        AuthorizationMatrix stale = new AuthorizationMatrix(rules, List.of());

        assertThat(Coverage.problems(documented, stale)).contains(
                "GET /api/v1/patients/{id}/export: in the OpenAPI document but no row in the table",
                "DELETE /api/v1/patients/{id}: a row in the table but no such operation in the OpenAPI document");
    }

    @Test
    void aRowWithoutARuleIsReported() {
        AuthorizationMatrix parsed = AuthorizationMatrix.parse(List.of(
                "| Service | Method | Path | Roles | Patient self |",
                "|---|---|---|---|---|",
                "| patients | GET | `/api/v1/patients` |  | no |",
                "| patients | POST | `/api/v1/patients` | receptionist, doorman | maybe |"));

        assertThat(parsed.problems()).hasSize(4)
                .contains("GET /api/v1/patients: no rule (the Roles cell must be public, authenticated or roles)",
                        "POST /api/v1/patients: no rule (the Roles cell must be public, authenticated or roles)",
                        "POST /api/v1/patients: Patient self must be yes or no, not 'maybe'")
                .anyMatch(problem -> problem.startsWith("POST /api/v1/patients: unknown role 'doorman'"));
    }
}
