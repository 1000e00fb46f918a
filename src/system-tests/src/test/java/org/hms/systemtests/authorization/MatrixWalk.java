package org.hms.systemtests.authorization;

import static io.restassured.RestAssured.given;

import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hms.platform.security.Roles;
import org.hms.platform.testing.TestTokens;
import org.hms.systemtests.authorization.AuthorizationMatrix.Access;
import org.hms.systemtests.authorization.AuthorizationMatrix.Rule;

/**
 * Calls operations through the gateway as every kind of caller and compares each answer with
 * what the matrix says: a caller the rule lets in must get anything but 401/403 (and not 429 or
 * a 5xx, which would hide the answer), anyone else 403, and a call without a token 401 unless the
 * rule is public. Bodies are {@code {}}, so an allowed write fails validation and changes nothing.
 */
public final class MatrixWalk {

    /** A patient id in a path: the parameter right after a {@code patients} segment. */
    private static final Pattern PATIENT_PARAMETER = Pattern.compile("/patients/\\{[^}/]+}");
    private static final Pattern PARAMETER = Pattern.compile("\\{[^}/]+}");
    private static final RestAssuredConfig NO_REDIRECTS =
            RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false));

    /** One way of calling: which token, and whose. */
    public record Caller(String label, String token, String role, boolean ownPatient) {}

    /** An answer that is not what the matrix says. */
    public record Mismatch(String method, String path, String caller, String expected, int actual) {
        @Override
        public String toString() {
            return String.format("%-6s %-32s %-22s expected %-22s got %d", method, path, caller, expected, actual);
        }
    }

    private final String gatewayUrl;
    private final UUID readPatient;
    private final UUID writePatient;
    private final Map<String, String> staffTokens = new LinkedHashMap<>();
    private int calls;

    /**
     * @param readPatient  the patient put into patient paths of GET operations
     * @param writePatient a throw-away patient for every other method, should a write get through
     */
    public MatrixWalk(String gatewayUrl, UUID readPatient, UUID writePatient) {
        this.gatewayUrl = gatewayUrl;
        this.readPatient = readPatient;
        this.writePatient = writePatient;
        Roles.STAFF.stream().sorted().forEach(role -> staffTokens.put(role, TestTokens.of(role)));
    }

    /** Every mismatch of {@code operations} against {@code matrix}; operations without a row are skipped. */
    public List<Mismatch> walk(List<Operation> operations, AuthorizationMatrix matrix) {
        List<Mismatch> mismatches = new ArrayList<>();
        for (Operation operation : operations) {
            matrix.rule(operation.method(), operation.path())
                    .ifPresent(rule -> mismatches.addAll(check(operation, rule)));
        }
        return mismatches;
    }

    /** Calls made so far. */
    public int calls() {
        return calls;
    }

    private List<Mismatch> check(Operation operation, Rule rule) {
        boolean patientPath = PATIENT_PARAMETER.matcher(operation.path()).find();
        UUID patient = operation.method().equals("GET") ? readPatient : writePatient;
        String url = gatewayUrl + fill(operation.path(), patient);
        List<Mismatch> mismatches = new ArrayList<>();
        for (Caller caller : callers(patientPath, patient)) {
            int actual = call(operation.method(), url, caller.token());
            calls++;
            String expected = expected(rule, caller);
            if (!matches(expected, actual)) {
                mismatches.add(new Mismatch(operation.method(), operation.path(), caller.label(), expected, actual));
            }
        }
        return mismatches;
    }

    private List<Caller> callers(boolean patientPath, UUID patient) {
        List<Caller> callers = new ArrayList<>();
        callers.add(new Caller("(no token)", null, null, false));
        staffTokens.forEach((role, token) -> callers.add(new Caller(role, token, role, false)));
        if (patientPath) {
            callers.add(new Caller("patient (own)", TestTokens.patient(patient), Roles.PATIENT, true));
            callers.add(new Caller("patient (another)", TestTokens.patient(UUID.randomUUID()), Roles.PATIENT, false));
        } else {
            callers.add(new Caller("patient", TestTokens.patient(UUID.randomUUID()), Roles.PATIENT, false));
        }
        return callers;
    }

    /** "401", "403" or "allowed". */
    static String expected(Rule rule, Caller caller) {
        if (rule.access() == Access.PUBLIC) {
            return "allowed";
        }
        if (caller.token() == null) {
            return "401";
        }
        boolean allowed = rule.access() == Access.AUTHENTICATED
                || rule.roles().contains(caller.role())
                || (caller.ownPatient() && rule.patientSelf());
        return allowed ? "allowed" : "403";
    }

    private static boolean matches(String expected, int actual) {
        return switch (expected) {
            case "allowed" -> actual != 401 && actual != 403 && actual != 429 && actual < 500;
            default -> Integer.toString(actual).equals(expected);
        };
    }

    private static int call(String method, String url, String token) {
        RequestSpecification request = given().config(NO_REDIRECTS).accept(ContentType.JSON);
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            request.contentType(ContentType.JSON).body("{}");
        }
        return request.request(method, url).statusCode();
    }

    /** The patient id after a patients segment, a random UUID for any other parameter. */
    static String fill(String template, UUID patient) {
        Matcher patients = PATIENT_PARAMETER.matcher(template);
        String path = patients.replaceAll("/patients/" + patient);
        Matcher other = PARAMETER.matcher(path);
        StringBuilder filled = new StringBuilder();
        while (other.find()) {
            other.appendReplacement(filled, UUID.randomUUID().toString());
        }
        other.appendTail(filled);
        return filled.toString();
    }
}
