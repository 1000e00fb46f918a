package org.hms.load;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Realistic, varied, entirely made-up patients for seeding and load tests.
 *
 * <p>Patient {@code i} is a pure function of {@code (seed, i)}: the same seed always produces
 * the same people (names, birth dates, addresses...). Only the identifier value also carries
 * the run nonce, so that seeding twice with the same seed never repeats an identifier (which
 * the patients service would refuse as a duplicate). Identifier values are unique per index
 * within a run: {@code yyMMdd} of the birth date, the zero-padded index, {@code -}, the nonce.
 *
 * <p>Names come from Polish, German, French, Spanish, Czech, Vietnamese and English naming
 * customs, with their diacritics (Żółć, Łukasz, Müller, Dvořák, Nguyễn, José, Brontë, Ångström),
 * gendered surnames where the language has them (Kowalski/Kowalska, Novák/Nováková), and
 * birth dates spread over 1930–2024, so that "same birth date and a similar name" (the
 * service's fuzzy duplicate rule) is rare. Emails use the reserved example.* domains.
 *
 * <p>No dependencies: the JSON is written by hand (and parsed back by a real parser in the tests).
 */
public final class SyntheticPatients {

    /** The identifier system every synthetic patient carries. */
    public static final String NATIONAL_ID = "national-id";

    private static final LocalDate FIRST_BIRTH_DATE = LocalDate.of(1930, 1, 1);
    private static final LocalDate LAST_BIRTH_DATE = LocalDate.of(2024, 12, 31);
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final String[] EMAIL_DOMAINS = {"example.org", "example.com", "example.net"};

    private final long seed;
    private final String nonce;
    private final List<Culture> cultures = Culture.all();

    /**
     * @param seed  which population: the same seed gives the same people
     * @param nonce distinguishes identifier values between runs; lower-case letters and digits
     */
    public SyntheticPatients(long seed, String nonce) {
        if (nonce == null || !nonce.matches("[a-z0-9]{1,32}")) {
            throw new IllegalArgumentException("nonce must be 1 to 32 lower-case letters or digits: " + nonce);
        }
        this.seed = seed;
        this.nonce = nonce;
    }

    /** A fresh random nonce (8 base-36 characters): use one per run. */
    public static String newNonce() {
        long n = new SecureRandom().nextLong() & Long.MAX_VALUE;
        String s = Long.toString(n, 36);
        return s.substring(Math.max(0, s.length() - 8));
    }

    public long seed() {
        return seed;
    }

    public String nonce() {
        return nonce;
    }

    /** The registration body of patient {@code index}, as sent to {@code POST /api/v1/patients}. */
    public String json(long index) {
        return patient(index).toJson();
    }

    /** Patient {@code index} of this population. */
    public Patient patient(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0: " + index);
        }
        SplittableRandom r = new SplittableRandom(mix64(seed ^ mix64(index + 0x9E3779B97F4A7C15L)));
        Culture culture = pick(r, cultures);
        // one in five lives abroad: a Vietnamese family in Prague, a Spaniard in Berlin...
        Culture home = r.nextInt(5) == 0 ? pick(r, cultures) : culture;

        String gender = gender(r);
        boolean female = gender.equals("female") || (!gender.equals("male") && r.nextBoolean());
        LocalDate birthDate = FIRST_BIRTH_DATE.plusDays(
                r.nextLong(LAST_BIRTH_DATE.toEpochDay() - FIRST_BIRTH_DATE.toEpochDay() + 1));
        Name name = culture.name(r, female);

        String phone = home.phone(r);
        String email = email(r, name, index);
        Street street = pick(r, home.cities);
        Address address = new Address(
                List.of(home.streetLine(r, pick(r, street.streets))),
                street.city,
                home.postalCode(r, street.postalPrefix),
                home.country);
        Contact emergency = emergencyContact(r, culture, home, name, female, birthDate);
        Identifier identifier = new Identifier(NATIONAL_ID, birthDate.format(YYMMDD)
                + String.format(Locale.ROOT, "%07d", index) + "-" + nonce);
        return new Patient(name, birthDate, gender, List.of(identifier), phone, email, address, emergency,
                culture.language);
    }

    /**
     * What someone at a front desk or on a ward types into the name search, deterministic from
     * {@code index}: a prefix of a surname or given name (accented or not, any case), a surname
     * without its diacritics ("dvorak", "nguyen"), or a surname with a typo ("Kowlaski").
     */
    public String searchTerm(long index) {
        SplittableRandom r = new SplittableRandom(mix64(~seed ^ mix64(index + 0x632BE59BD9B4E019L)));
        Culture culture = pick(r, cultures);
        Name name = culture.name(r, r.nextBoolean());
        String family = name.family.split(" ")[0];
        String given = name.given.get(name.given.size() - 1);
        return switch (r.nextInt(6)) {
            case 0 -> prefix(family, 3 + r.nextInt(3));
            case 1 -> prefix(family, 3 + r.nextInt(3)).toLowerCase(Locale.ROOT);
            case 2 -> fold(family).toLowerCase(Locale.ROOT);
            case 3 -> typo(r, family);
            case 4 -> prefix(given, 3 + r.nextInt(2));
            default -> given + " " + prefix(family, 2 + r.nextInt(3));
        };
    }

    /** Surname prefixes common in this population: where a search finds existing patients. */
    public List<String> commonSurnamePrefixes() {
        List<String> prefixes = new ArrayList<>();
        for (Culture c : cultures) {
            for (String[] family : c.families) {
                String p = prefix(family[0], 4);
                if (!prefixes.contains(p)) {
                    prefixes.add(p);
                }
            }
        }
        return prefixes;
    }

    // ---------------------------------------------------------------------------------------

    private static String gender(SplittableRandom r) {
        int g = r.nextInt(100);
        return g < 49 ? "female" : g < 97 ? "male" : g < 99 ? "other" : "unknown";
    }

    private static String email(SplittableRandom r, Name name, long index) {
        String given = slug(name.given.get(0));
        String family = slug(name.family);
        String local = switch (r.nextInt(4)) {
            case 0 -> given + "." + family;
            case 1 -> given.charAt(0) + family;
            case 2 -> family + "." + given;
            default -> given + family.charAt(0);
        };
        return local + index + "@" + EMAIL_DOMAINS[r.nextInt(EMAIL_DOMAINS.length)];
    }

    private static Contact emergencyContact(
            SplittableRandom r, Culture culture, Culture home, Name patient, boolean female, LocalDate birthDate) {
        int age = LAST_BIRTH_DATE.getYear() - birthDate.getYear();
        String relationship;
        if (age < 18) {
            relationship = r.nextInt(10) == 0 ? "guardian" : "parent";
        } else if (age > 75) {
            relationship = r.nextBoolean() ? "child" : r.nextBoolean() ? "spouse" : "sibling";
        } else {
            relationship = switch (r.nextInt(10)) {
                case 0, 1, 2, 3 -> "spouse";
                case 4, 5 -> "partner";
                case 6 -> "sibling";
                case 7 -> "parent";
                case 8 -> "friend";
                default -> "child";
            };
        }
        boolean contactFemale = relationship.equals("spouse") ? !female : r.nextBoolean();
        Name contact = culture.name(r, contactFemale);
        boolean sharesSurname = switch (relationship) {
            case "parent", "child", "sibling" -> true;
            case "spouse" -> !culture.language.equals("vi"); // Vietnamese wives keep their own surname
            default -> false;
        };
        if (sharesSurname) {
            // family members usually share the surname (in its gendered form, where there is one)
            contact = new Name(culture.familyOf(patient, contactFemale), contact.given);
        }
        return new Contact(contact.text(), relationship, home.phone(r));
    }

    private static String prefix(String s, int n) {
        return (s.codePointCount(0, s.length()) <= n ? s : s.substring(0, s.offsetByCodePoints(0, n))).strip();
    }

    /** One adjacent swap or one dropped letter in the unaccented name: "Kowalski" -> "Kowlaski". */
    private static String typo(SplittableRandom r, String family) {
        String s = fold(family);
        if (s.length() < 4) {
            return s + s.charAt(s.length() - 1);
        }
        int i = 1 + r.nextInt(s.length() - 2);
        if (r.nextBoolean()) {
            return s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2);
        }
        return s.substring(0, i) + s.substring(i + 1);
    }

    /** Diacritics removed, including the letters Unicode does not decompose (ł, đ, ø, ß). */
    static String fold(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        StringBuilder out = new StringBuilder(decomposed.length());
        for (char c : decomposed.toCharArray()) {
            switch (c) {
                case 'ł' -> out.append('l');
                case 'Ł' -> out.append('L');
                case 'đ' -> out.append('d');
                case 'Đ' -> out.append('D');
                case 'ø' -> out.append('o');
                case 'Ø' -> out.append('O');
                case 'ß' -> out.append("ss");
                case 'æ' -> out.append("ae");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String slug(String s) {
        return fold(s).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static <T> T pick(SplittableRandom r, List<T> items) {
        return items.get(r.nextInt(items.size()));
    }

    private static <T> T pick(SplittableRandom r, T[] items) {
        return items[r.nextInt(items.length)];
    }

    private static String digits(SplittableRandom r, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + r.nextInt(10)));
        }
        return sb.toString();
    }

    /** Stafford's mix13, as in SplittableRandom: neighbouring indices give unrelated streams. */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    // --- the value types, and their JSON -----------------------------------------------------

    /** A registration body. */
    public record Patient(
            Name name,
            LocalDate birthDate,
            String gender,
            List<Identifier> identifiers,
            String phone,
            String email,
            Address address,
            Contact emergencyContact,
            String preferredLanguage) {

        public String toJson() {
            Json j = new Json().open('{');
            j.key("name");
            name.write(j);
            j.key("birthDate").string(birthDate.toString());
            j.key("gender").string(gender);
            j.key("identifiers").open('[');
            for (Identifier id : identifiers) {
                j.comma().open('{').key("system").string(id.system).key("value").string(id.value).close('}');
            }
            j.close(']');
            j.key("phone").string(phone);
            j.key("email").string(email);
            j.key("address").open('{').key("line").strings(address.line).key("city").string(address.city)
                    .key("postalCode").string(address.postalCode).key("country").string(address.country)
                    .close('}');
            j.key("emergencyContact").open('{').key("name").string(emergencyContact.name)
                    .key("relationship").string(emergencyContact.relationship)
                    .key("phone").string(emergencyContact.phone).close('}');
            j.key("preferredLanguage").string(preferredLanguage);
            return j.close('}').toString();
        }
    }

    /** Family name and given names, FHIR style. */
    public record Name(String family, List<String> given) {
        public String text() {
            return String.join(" ", given) + " " + family;
        }

        void write(Json j) {
            j.open('{').key("family").string(family).key("given").strings(given).close('}');
        }
    }

    public record Identifier(String system, String value) {}

    public record Address(List<String> line, String city, String postalCode, String country) {}

    public record Contact(String name, String relationship, String phone) {}

    /** Just enough of a JSON writer; strings are escaped per RFC 8259, non-ASCII kept as is. */
    static final class Json {
        private final StringBuilder sb = new StringBuilder(512);
        private boolean first = true;

        Json open(char c) {
            sb.append(c);
            first = true;
            return this;
        }

        Json close(char c) {
            sb.append(c);
            first = false;
            return this;
        }

        Json comma() {
            if (!first) {
                sb.append(',');
            }
            first = false;
            return this;
        }

        Json key(String k) {
            comma();
            quote(k);
            sb.append(':');
            first = true; // the value that follows needs no comma
            return this;
        }

        Json string(String v) {
            comma();
            quote(v);
            return this;
        }

        Json strings(List<String> vs) {
            comma();
            sb.append('[');
            for (int i = 0; i < vs.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                quote(vs.get(i));
            }
            sb.append(']');
            first = false;
            return this;
        }

        private void quote(String s) {
            sb.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            sb.append('"');
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }

    // --- naming customs ----------------------------------------------------------------------

    private record Street(String city, String postalPrefix, String[] streets) {}

    /**
     * One naming custom and the country it comes from. {@code families} holds {male, female}
     * forms of each surname (the same twice where the language does not inflect them).
     */
    private record Culture(
            String language,
            String country,
            String[][] families,
            String[] maleGiven,
            String[] femaleGiven,
            List<Street> cities,
            String phoneFormat,
            String postalFormat,
            boolean numberFirst) {

        Name name(SplittableRandom r, boolean female) {
            String[] family = pick(r, families);
            String surname = family[female ? 1 : 0];
            String[] given = female ? femaleGiven : maleGiven;
            List<String> names = new ArrayList<>(2);
            if (language.equals("vi")) {
                // Vietnamese: a middle name (Văn, Thị, Đức...) then the given name
                names.add(female ? pick(r, VI_FEMALE_MIDDLE) : pick(r, VI_MALE_MIDDLE));
                names.add(pick(r, given));
            } else {
                names.add(pick(r, given));
                if (r.nextInt(10) < 3) {
                    String second = pick(r, given);
                    if (!second.equals(names.get(0))) {
                        names.add(second);
                    }
                }
            }
            if (language.equals("es")) {
                // Spanish: father's and mother's surnames
                String second = pick(r, families)[0];
                if (!second.equals(surname)) {
                    surname = surname + " " + second;
                }
            }
            return new Name(surname, names);
        }

        /** The patient's surname in the form a relative of the given sex would carry. */
        String familyOf(Name patient, boolean female) {
            String first = patient.family.split(" ")[0];
            for (String[] f : families) {
                if (f[0].equals(first) || f[1].equals(first)) {
                    return patient.family.replaceFirst(java.util.regex.Pattern.quote(first), f[female ? 1 : 0]);
                }
            }
            return patient.family;
        }

        String phone(SplittableRandom r) {
            return fill(r, phoneFormat);
        }

        String postalCode(SplittableRandom r, String prefix) {
            return prefix + fill(r, postalFormat);
        }

        String streetLine(SplittableRandom r, String street) {
            String number = Integer.toString(1 + r.nextInt(r.nextInt(4) == 0 ? 250 : 60));
            if (r.nextInt(8) == 0) {
                number += language.equals("pl") || language.equals("cs") ? "/" + (1 + r.nextInt(40))
                        : language.equals("en") ? "B" : "";
            }
            return numberFirst ? number + " " + street : street + " " + number;
        }

        /** '#' becomes a digit, anything else stays. */
        private static String fill(SplittableRandom r, String format) {
            StringBuilder sb = new StringBuilder(format.length());
            for (char c : format.toCharArray()) {
                sb.append(c == '#' ? (char) ('0' + r.nextInt(10)) : c);
            }
            return sb.toString();
        }

        static List<Culture> all() {
            return List.of(POLISH, GERMAN, FRENCH, SPANISH, CZECH, VIETNAMESE, ENGLISH);
        }
    }

    private static String[][] same(String... names) {
        String[][] pairs = new String[names.length][];
        for (int i = 0; i < names.length; i++) {
            pairs[i] = new String[] {names[i], names[i]};
        }
        return pairs;
    }

    private static String[][] polish(String... names) {
        String[][] pairs = new String[names.length][];
        for (int i = 0; i < names.length; i++) {
            String m = names[i];
            String f = m.endsWith("ski") || m.endsWith("cki") || m.endsWith("dzki")
                    ? m.substring(0, m.length() - 1) + "a" : m;
            pairs[i] = new String[] {m, f};
        }
        return pairs;
    }

    private static String[][] czech(String... pairs) {
        String[][] out = new String[pairs.length][];
        for (int i = 0; i < pairs.length; i++) {
            out[i] = pairs[i].split("/");
        }
        return out;
    }

    private static Street city(String city, String postalPrefix, String... streets) {
        return new Street(city, postalPrefix, streets);
    }

    private static final String[] VI_MALE_MIDDLE = {"Văn", "Đức", "Minh", "Quốc", "Hữu", "Công", "Thành"};
    private static final String[] VI_FEMALE_MIDDLE = {"Thị", "Ngọc", "Thu", "Thanh", "Kim", "Mỹ", "Bích"};

    private static final Culture POLISH = new Culture("pl", "PL",
            polish("Kowalski", "Nowak", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński",
                    "Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Jankowski", "Mazur", "Krawczyk",
                    "Piotrowski", "Grabowski", "Pawłowski", "Michalski", "Król", "Wieczorek", "Jabłoński",
                    "Żółć", "Łukaszewicz", "Gołębiowski", "Ślusarczyk", "Żak", "Błaszczyk", "Chmielewski",
                    "Stępień", "Górecki", "Sołtys", "Przybylski", "Kaczmarek", "Zając", "Ćwikła"),
            new String[] {"Łukasz", "Piotr", "Krzysztof", "Andrzej", "Tomasz", "Paweł", "Michał", "Marcin",
                "Jakub", "Grzegorz", "Wojciech", "Mateusz", "Bartłomiej", "Jędrzej", "Maciej", "Stanisław",
                "Zbigniew", "Mikołaj", "Kacper", "Szymon", "Przemysław", "Józef"},
            new String[] {"Zofia", "Maria", "Anna", "Katarzyna", "Małgorzata", "Agnieszka", "Barbara", "Ewa",
                "Krystyna", "Magdalena", "Joanna", "Aleksandra", "Łucja", "Żaneta", "Agata", "Jadwiga",
                "Bożena", "Halina", "Grażyna", "Weronika", "Urszula", "Jolanta"},
            List.of(
                    city("Kraków", "31", "ul. Długa", "ul. Floriańska", "ul. Karmelicka", "os. Złotego Wieku"),
                    city("Warszawa", "02", "ul. Marszałkowska", "al. Jerozolimskie", "ul. Świętokrzyska",
                            "ul. Puławska"),
                    city("Wrocław", "50", "ul. Świdnicka", "pl. Grunwaldzki", "ul. Legnicka"),
                    city("Gdańsk", "80", "ul. Długa", "ul. Grunwaldzka", "ul. Piwna"),
                    city("Łódź", "90", "ul. Piotrkowska", "ul. Żeromskiego", "al. Kościuszki"),
                    city("Poznań", "60", "ul. Półwiejska", "ul. Głogowska", "os. Bolesława Śmiałego"),
                    city("Białystok", "15", "ul. Lipowa", "ul. Mickiewicza"),
                    city("Rzeszów", "35", "ul. Słowackiego", "al. Piłsudskiego"),
                    city("Toruń", "87", "ul. Szeroka", "ul. Żółkiewskiego")),
            "+48 6## ### ###", "-###", false);

    private static final Culture GERMAN = new Culture("de", "DE",
            same("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
                    "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann",
                    "Schwarz", "Zimmermann", "Braun", "Krüger", "Hartmann", "Lange", "Köhler", "Groß", "Weiß",
                    "Jäger", "Böhm", "Fuchs", "Vogel", "Özdemir", "Heß", "Günther", "Löffler", "Straßer"),
            new String[] {"Lukas", "Jürgen", "Günther", "Jörg", "Stefan", "Matthias", "Thomas", "Andreas",
                "Björn", "Maximilian", "Felix", "Jonas", "Uwe", "Klaus", "Wolfgang", "Rüdiger", "Sören",
                "Dieter", "Jannik", "Moritz"},
            new String[] {"Käthe", "Mia", "Hannah", "Emma", "Lea", "Ursula", "Gisela", "Jutta", "Brigitte",
                "Sabine", "Anke", "Dörte", "Bärbel", "Renate", "Marlene", "Charlotte", "Greta", "Annegret",
                "Jülide", "Henriëtte"},
            List.of(
                    city("Berlin", "10", "Müllerstraße", "Schönhauser Allee", "Kurfürstendamm", "Oranienstraße"),
                    city("München", "80", "Leopoldstraße", "Maximilianstraße", "Sendlinger Straße"),
                    city("Köln", "50", "Hohe Straße", "Aachener Straße", "Severinstraße"),
                    city("Düsseldorf", "40", "Königsallee", "Schadowstraße"),
                    city("Nürnberg", "90", "Königstraße", "Fürther Straße"),
                    city("Lübeck", "23", "Breite Straße", "Hüxstraße"),
                    city("Göttingen", "37", "Weender Straße", "Groner Landstraße"),
                    city("Würzburg", "97", "Domstraße", "Sanderstraße")),
            "+49 15# ########", "###", false);

    private static final Culture FRENCH = new Culture("fr", "FR",
            same("Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
                    "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Bérubé", "Lemaître", "Chevalier",
                    "François", "Gérard", "Mercier", "Boucher", "Fontaine", "Rousseau", "Vincent", "Dupré",
                    "Bénard", "Hébert", "Crémieux", "Bélanger", "Giroud", "Lacroix", "Besançon", "Déschamps"),
            new String[] {"Jean", "Pierre", "François", "Étienne", "Jérôme", "André", "Benoît", "Noël", "Hervé",
                "Gaël", "Loïc", "Thibault", "Raphaël", "Clément", "Frédéric", "Cédric", "Sébastien", "Jean-Luc"},
            new String[] {"Marie", "Élodie", "Chloé", "Léa", "Hélène", "Cécile", "Adèle", "Zoé", "Maëlle",
                "Océane", "Françoise", "Geneviève", "Anaïs", "Mélanie", "Inès", "Noémie", "Célia", "Amélie",
                "Marie-Thérèse"},
            List.of(
                    city("Paris", "750", "rue de la Paix", "rue Saint-Honoré", "boulevard Haussmann",
                            "avenue des Champs-Élysées"),
                    city("Lyon", "690", "rue de la République", "quai Saint-Antoine"),
                    city("Marseille", "130", "La Canebière", "rue d'Aubagne"),
                    city("Toulouse", "310", "rue d'Alsace-Lorraine", "allée Jean-Jaurès"),
                    city("Nantes", "440", "rue Crébillon", "quai de la Fosse"),
                    city("Saint-Étienne", "420", "rue du Général-Foy", "place Jean-Jaurès"),
                    city("Orléans", "450", "rue Jeanne-d'Arc", "rue de Bourgogne")),
            "+33 6 ## ## ## ##", "##", true);

    private static final Culture SPANISH = new Culture("es", "ES",
            same("García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez",
                    "Gómez", "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez",
                    "Romero", "Alonso", "Gutiérrez", "Navarro", "Torres", "Domínguez", "Vázquez", "Ramos",
                    "Ramírez", "Serrano", "Suárez", "Castaño", "Ibáñez", "Peña", "Núñez", "Ordóñez"),
            new String[] {"José", "Antonio", "Manuel", "Francisco", "Juan", "David", "Jesús", "Javier", "Ángel",
                "Sergio", "Álvaro", "Rubén", "Íñigo", "Adrián", "Raúl", "Joaquín", "Nicolás", "Óscar"},
            new String[] {"María", "Carmen", "Ana", "Lucía", "Laura", "Marta", "Cristina", "Pilar", "Dolores",
                "Inés", "Begoña", "Sofía", "Águeda", "Ainhoa", "Rocío", "Nuria", "Mónica", "Verónica"},
            List.of(
                    city("Madrid", "280", "Calle de Alcalá", "Paseo de la Castellana", "Calle Mayor"),
                    city("Barcelona", "080", "Carrer de Provença", "Passeig de Gràcia", "La Rambla"),
                    city("Sevilla", "410", "Calle Sierpes", "Avenida de la Constitución"),
                    city("Málaga", "290", "Calle Larios", "Paseo del Parque"),
                    city("Córdoba", "140", "Calle Cruz Conde", "Ronda de los Tejares"),
                    city("A Coruña", "150", "Rúa Real", "Avenida da Mariña"),
                    city("Logroño", "260", "Calle Portales", "Calle Peñalver")),
            "+34 6## ### ###", "##", false);

    private static final Culture CZECH = new Culture("cs", "CZ",
            czech("Novák/Nováková", "Svoboda/Svobodová", "Novotný/Novotná", "Dvořák/Dvořáková",
                    "Černý/Černá", "Procházka/Procházková", "Kučera/Kučerová", "Veselý/Veselá",
                    "Horák/Horáková", "Němec/Němcová", "Pospíšil/Pospíšilová", "Pokorný/Pokorná",
                    "Hájek/Hájková", "Král/Králová", "Jelínek/Jelínková", "Růžička/Růžičková", "Beneš/Benešová",
                    "Fiala/Fialová", "Sedláček/Sedláčková", "Zeman/Zemanová", "Doležal/Doležalová",
                    "Kolář/Kolářová", "Navrátil/Navrátilová", "Čermák/Čermáková", "Šťastný/Šťastná",
                    "Říha/Říhová", "Vaněk/Vaňková", "Kříž/Křížová"),
            new String[] {"Jiří", "Jan", "Petr", "Josef", "Pavel", "Tomáš", "Martin", "Jaroslav", "Miroslav",
                "Zdeněk", "Václav", "Michal", "František", "Lukáš", "Radek", "Ondřej", "Vojtěch", "Matěj"},
            new String[] {"Marie", "Jana", "Eva", "Hana", "Anna", "Lenka", "Kateřina", "Věra", "Lucie", "Alena",
                "Petra", "Zuzana", "Tereza", "Markéta", "Božena", "Dagmar", "Radka", "Šárka"},
            List.of(
                    city("Praha", "1", "Václavské náměstí", "Národní", "Vodičkova", "Karlova", "Žitná"),
                    city("Brno", "6", "Masarykova", "Údolní", "Kounicova"),
                    city("Ostrava", "7", "Nádražní", "Českobratrská"),
                    city("Plzeň", "3", "Klatovská třída", "Americká"),
                    city("České Budějovice", "3", "Lannova třída", "Krajinská"),
                    city("Hradec Králové", "5", "Gočárova třída", "Dukelská třída"),
                    city("Ústí nad Labem", "4", "Masarykova", "Hrnčířská")),
            "+420 7## ### ###", "## ##", false);

    private static final Culture VIETNAMESE = new Culture("vi", "VN",
            same("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
                    "Ngô", "Dương", "Lý", "Trịnh", "Đinh", "Lương", "Tạ"),
            new String[] {"Anh", "Bảo", "Dũng", "Hùng", "Khoa", "Long", "Nam", "Phúc", "Quang", "Thắng", "Tuấn",
                "Việt", "Hiếu", "Đạt", "Khánh", "Sơn", "Trung", "Cường"},
            new String[] {"Lan", "Hương", "Mai", "Linh", "Ngọc", "Trang", "Thảo", "Hà", "Phương", "Hạnh", "Yến",
                "Nhung", "Tuyết", "Thúy", "Quỳnh", "Diệp", "Hằng", "Oanh"},
            List.of(
                    city("Hà Nội", "10", "Phố Huế", "Phố Hàng Bạc", "Đường Láng", "Phố Tràng Tiền"),
                    city("Thành phố Hồ Chí Minh", "70", "Đường Nguyễn Huệ", "Đường Lê Lợi",
                            "Đường Trần Hưng Đạo"),
                    city("Đà Nẵng", "55", "Đường Bạch Đằng", "Đường Hùng Vương"),
                    city("Hải Phòng", "18", "Đường Lạch Tray", "Phố Điện Biên Phủ"),
                    city("Huế", "53", "Đường Lê Duẩn", "Đường Trần Phú"),
                    city("Cần Thơ", "90", "Đường Hòa Bình", "Đường 30 Tháng 4")),
            "+84 9# ### ## ##", "####", true);

    private static final Culture ENGLISH = new Culture("en", "GB",
            same("Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas",
                    "Johnson", "Roberts", "Robinson", "Thompson", "Wright", "Walker", "Edwards", "Hughes",
                    "Green", "Hall", "Brontë", "O'Connor", "O'Brien", "McAllister", "Ångström", "Ffrench-Mullen",
                    "Nicholls", "Cholmondeley", "Featherstonehaugh", "Øvergaard", "Mac Giolla Phádraig"),
            new String[] {"James", "Oliver", "William", "Harry", "George", "Jack", "Thomas", "Charles", "Henry",
                "Edward", "Arthur", "Noah", "Rhys", "Seán", "Dáire", "Ciarán", "Søren"},
            new String[] {"Olivia", "Amelia", "Isla", "Zoë", "Chloë", "Emily", "Charlotte", "Sophie", "Grace",
                "Eleanor", "Siobhán", "Niamh", "Renée", "Aoife", "Mary-Kate", "Bethan"},
            List.of(
                    city("London", "SW1A ", "Baker Street", "High Street", "Abbey Road", "Old Kent Road"),
                    city("Manchester", "M1 ", "Deansgate", "Oxford Road"),
                    city("Birmingham", "B1 ", "Broad Street", "New Street"),
                    city("Leeds", "LS1 ", "Briggate", "Station Road"),
                    city("Edinburgh", "EH1 ", "Royal Mile", "Princes Street"),
                    city("Cardiff", "CF10 ", "Queen Street", "Heol y Frenhines"),
                    city("York", "YO1 ", "Shambles", "Church Lane")),
            "+44 7### ######", "#AA", true);
}
