package org.hms.patients.patient;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.hms.platform.testing.TestTokens;

/**
 * Registration bodies shaped exactly like the API contract, with names and identifiers
 * random enough that tests never trip over each other's patients (the test database keeps
 * them between runs).
 */
public final class PatientFixtures {

    public static final String PATIENTS = "/api/v1/patients";

    private PatientFixtures() {}

    /** A random pronounceable surname, e.g. "Beradoku". */
    static String surname() {
        String consonants = "bdfgklmnprstvz";
        String vowels = "aeiou";
        StringBuilder name = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 4; i++) {
            name.append(consonants.charAt(random.nextInt(consonants.length())));
            name.append(vowels.charAt(random.nextInt(vowels.length())));
        }
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    static LocalDate birthDate() {
        return LocalDate.of(1930, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(365 * 90));
    }

    static String nationalId() {
        return Long.toString(10_000_000_000L + ThreadLocalRandom.current().nextLong(89_999_999_999L));
    }

    /** The contract's example body (Zofia Kowalska), with a random surname, birth date and id. */
    public static Map<String, Object> body() {
        return body(surname(), List.of("Zofia", "Maria"), birthDate());
    }

    static Map<String, Object> body(String family, List<String> given, LocalDate birthDate) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", Map.of("family", family, "given", given));
        body.put("birthDate", birthDate.toString());
        body.put("gender", "female");
        body.put("identifiers", new ArrayList<>(List.of(Map.of("system", "national-id", "value", nationalId()))));
        body.put("phone", "+48 600 " + ThreadLocalRandom.current().nextInt(100, 999) + " "
                + ThreadLocalRandom.current().nextInt(100, 999));
        body.put("email", "zofia@example.org");
        body.put("address", Map.of("line", List.of("ul. Długa 5"), "city", "Kraków", "postalCode", "31-147",
                "country", "PL"));
        body.put("emergencyContact", Map.of("name", "Jan Kowalski", "relationship", "spouse", "phone",
                "+48 600 100 201"));
        body.put("preferredLanguage", "pl");
        return body;
    }

    /** Registers as a receptionist; the 201 response. */
    static Response register(Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.of("receptionist"))
                .contentType(ContentType.JSON)
                .body(body)
                .post(PATIENTS)
                .then()
                .statusCode(201)
                .extract()
                .response();
    }

    public static UUID registerNew() {
        return UUID.fromString(register(body()).path("id"));
    }
}
