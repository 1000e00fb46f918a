package org.hms.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SyntheticPatientsTest {

    private static final int N = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    // the patients service's own validation rules (org.hms.contracts.patients.*)
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{4,24}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Z]{2})?");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern SYSTEM = Pattern.compile("[a-z0-9][a-z0-9:._/-]*");
    private static final Pattern EMAIL = Pattern.compile("[a-z0-9.]+@example\\.(org|com|net)");

    private final SyntheticPatients patients = new SyntheticPatients(42, "run1");

    @Test
    void every_body_is_valid_json_with_every_field_the_registration_desk_records() throws Exception {
        for (int i = 0; i < N; i++) {
            JsonNode p = JSON.readTree(patients.json(i));

            assertThat(p.properties()).extracting(Map.Entry::getKey).containsExactlyInAnyOrder("name", "birthDate",
                    "gender", "identifiers", "phone", "email", "address", "emergencyContact", "preferredLanguage");

            assertThat(text(p, "name", "family")).isNotBlank().hasSizeLessThanOrEqualTo(100);
            assertThat(p.at("/name/given").isArray()).isTrue();
            assertThat(p.at("/name/given")).isNotEmpty().hasSizeLessThanOrEqualTo(5)
                    .allSatisfy(g -> assertThat(g.asText()).isNotBlank());

            LocalDate birth = LocalDate.parse(p.get("birthDate").asText());
            assertThat(birth).isBetween(LocalDate.of(1930, 1, 1), LocalDate.of(2024, 12, 31));
            assertThat(p.get("gender").asText()).isIn("male", "female", "other", "unknown");

            assertThat(p.get("identifiers")).hasSize(1);
            assertThat(text(p, "identifiers", "0", "system")).isEqualTo("national-id").matches(SYSTEM);
            assertThat(text(p, "identifiers", "0", "value")).isNotBlank().hasSizeLessThanOrEqualTo(64);

            assertThat(p.get("phone").asText()).matches(PHONE);
            assertThat(p.get("email").asText()).matches(EMAIL);

            assertThat(p.at("/address/line")).hasSize(1);
            assertThat(text(p, "address", "line", "0")).isNotBlank();
            assertThat(text(p, "address", "city")).isNotBlank();
            assertThat(text(p, "address", "postalCode")).isNotBlank().hasSizeLessThanOrEqualTo(20);
            assertThat(text(p, "address", "country")).matches(COUNTRY);

            assertThat(text(p, "emergencyContact", "name")).isNotBlank();
            assertThat(text(p, "emergencyContact", "relationship"))
                    .isIn("spouse", "partner", "parent", "child", "sibling", "friend", "guardian");
            assertThat(text(p, "emergencyContact", "phone")).matches(PHONE);

            assertThat(p.get("preferredLanguage").asText()).matches(LANGUAGE)
                    .isIn("pl", "de", "fr", "es", "cs", "vi", "en");
        }
    }

    @Test
    void the_example_from_the_api_documentation_has_the_same_shape() throws Exception {
        String documented = """
                {"name": {"family": "Kowalska", "given": ["Zofia", "Maria"]}, "birthDate": "1984-03-07",
                 "gender": "female", "identifiers": [{"system": "national-id", "value": "84030712345"}],
                 "phone": "+48 600 100 200", "email": "zofia@example.org",
                 "address": {"line": ["ul. Długa 5"], "city": "Kraków", "postalCode": "31-147", "country": "PL"},
                 "emergencyContact": {"name": "Jan Kowalski", "relationship": "spouse", "phone": "+48 600 100 201"},
                 "preferredLanguage": "pl"}""";
        assertThat(paths(JSON.readTree(patients.json(7)))).isEqualTo(paths(JSON.readTree(documented)));
    }

    @Test
    void identifiers_are_unique_over_ten_thousand_patients() {
        Set<String> values = new HashSet<>();
        for (int i = 0; i < N; i++) {
            values.add(patients.patient(i).identifiers().get(0).value());
        }
        assertThat(values).hasSize(N);
    }

    @Test
    void another_run_with_the_same_seed_gets_the_same_people_but_other_identifiers() {
        SyntheticPatients again = new SyntheticPatients(42, "run2");
        Set<String> first = new HashSet<>();
        for (int i = 0; i < N; i++) {
            first.add(patients.patient(i).identifiers().get(0).value());
        }
        for (int i = 0; i < N; i++) {
            SyntheticPatients.Patient a = patients.patient(i);
            SyntheticPatients.Patient b = again.patient(i);
            assertThat(b.name()).isEqualTo(a.name());
            assertThat(b.birthDate()).isEqualTo(a.birthDate());
            assertThat(first).doesNotContain(b.identifiers().get(0).value());
        }
        assertThat(new SyntheticPatients(42, "run1").json(123)).isEqualTo(patients.json(123));
    }

    @Test
    void names_carry_their_accents_and_come_from_every_language() {
        Set<String> names = new HashSet<>();
        Map<String, Integer> languages = new HashMap<>();
        int accented = 0;
        for (int i = 0; i < N; i++) {
            SyntheticPatients.Patient p = patients.patient(i);
            String text = p.name().text();
            names.add(text);
            if (!text.equals(SyntheticPatients.fold(text))) {
                accented++;
            }
            languages.merge(p.preferredLanguage(), 1, Integer::sum);
        }
        String all = String.join("|", names);
        for (String letter : List.of("Ż", "ó", "ł", "Ł", "ü", "ř", "ễ", "é", "ë", "Å", "á", "ñ", "č", "ß")) {
            assertThat(all).as("some name contains %s", letter).contains(letter);
        }
        for (String name : List.of("Łukasz", "Müller", "Nguyễn", "José", "Brontë", "Ångström")) {
            assertThat(all).contains(name);
        }
        assertThat(all).containsPattern("Dvořák(ová)?").containsPattern("Żółć");
        assertThat(accented).as("accented names").isGreaterThan(N / 2);
        assertThat(languages.keySet()).containsExactlyInAnyOrder("pl", "de", "fr", "es", "cs", "vi", "en");
        assertThat(languages.values()).allSatisfy(n -> assertThat(n).isGreaterThan(N / 10));
        assertThat(names).as("distinct full names").hasSizeGreaterThan(N * 7 / 10);
    }

    @Test
    void same_birth_date_and_same_name_is_rare() {
        Set<String> seen = new HashSet<>();
        int clashes = 0;
        for (int i = 0; i < N; i++) {
            SyntheticPatients.Patient p = patients.patient(i);
            if (!seen.add(p.birthDate() + " " + SyntheticPatients.fold(p.name().family()).toLowerCase())) {
                clashes++;
            }
        }
        assertThat(clashes).isLessThan(N / 100);
    }

    @Test
    void genders_and_birth_dates_vary() {
        Map<String, Integer> genders = new HashMap<>();
        Set<Integer> decades = new HashSet<>();
        for (int i = 0; i < N; i++) {
            SyntheticPatients.Patient p = patients.patient(i);
            genders.merge(p.gender(), 1, Integer::sum);
            decades.add(p.birthDate().getYear() / 10);
        }
        assertThat(genders).containsOnlyKeys("male", "female", "other", "unknown");
        assertThat(genders.get("female")).isGreaterThan(N * 4 / 10);
        assertThat(genders.get("male")).isGreaterThan(N * 4 / 10);
        assertThat(decades).containsExactlyInAnyOrder(193, 194, 195, 196, 197, 198, 199, 200, 201, 202);
    }

    @Test
    void search_terms_are_prefixes_unaccented_names_and_typos() {
        Set<String> terms = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String term = patients.searchTerm(i);
            assertThat(term).isNotBlank().hasSizeBetween(2, 100);
            terms.add(term);
        }
        assertThat(terms).hasSizeGreaterThan(300);
        assertThat(terms).anyMatch(t -> !t.equals(SyntheticPatients.fold(t)));
        assertThat(terms).anyMatch(t -> t.equals(t.toLowerCase()));
        assertThat(patients.commonSurnamePrefixes()).contains("Kowa", "Müll", "Nguy", "Dvoř", "Garc");
    }

    @Test
    void strings_are_escaped() throws Exception {
        // O'Connor, Jeanne-d'Arc...: quotes and backslashes must never break the JSON
        SyntheticPatients.Json j = new SyntheticPatients.Json().open('{');
        j.key("a").string("say \"hi\" \\ \n\t\u0001 Żółć").key("b").strings(List.of("x", "y\"")).close('}');
        JsonNode node = JSON.readTree(j.toString());
        assertThat(node.get("a").asText()).isEqualTo("say \"hi\" \\ \n\t\u0001 Żółć");
        assertThat(node.get("b").get(1).asText()).isEqualTo("y\"");
    }

    @Test
    void nonce_is_checked() {
        assertThatThrownBy(() -> new SyntheticPatients(1, "Bad Nonce")).isInstanceOf(IllegalArgumentException.class);
        assertThat(SyntheticPatients.newNonce()).matches("[a-z0-9]{1,8}");
        assertThat(SyntheticPatients.newNonce()).isNotEqualTo(SyntheticPatients.newNonce());
    }

    private static String text(JsonNode node, String... path) {
        JsonNode n = node.at("/" + String.join("/", path));
        assertThat(n.isTextual()).as("%s is a string", String.join(".", path)).isTrue();
        return n.asText();
    }

    /** Every leaf path with its JSON type: the shape of a document. */
    private static Set<String> paths(JsonNode node) {
        Set<String> out = new HashSet<>();
        collect(node, "", out);
        return out;
    }

    private static void collect(JsonNode node, String at, Set<String> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> collect(e.getValue(), at + "/" + e.getKey(), out));
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                collect(item, at + "[]", out);
            }
        } else {
            out.add(at + ":" + node.getNodeType());
        }
    }
}
