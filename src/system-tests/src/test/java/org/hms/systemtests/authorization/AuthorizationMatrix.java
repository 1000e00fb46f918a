package org.hms.systemtests.authorization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hms.platform.security.Roles;

/**
 * {@code docs/authorization-matrix.md} read as data: one {@link Rule} per table row. Rows with no
 * rule, unknown roles or other malformed cells are kept as {@link #problems()} rather than
 * skipped, so the test can name them.
 */
public record AuthorizationMatrix(List<Rule> rules, List<String> problems) {

    public static final String PUBLIC = "public";
    public static final String AUTHENTICATED = "authenticated";
    private static final Set<String> ALL_ROLES = allRoles();
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    /** What the table says of one endpoint. {@code roles} is empty for public and authenticated rows. */
    public record Rule(String service, String method, String path, Access access, Set<String> roles,
            boolean patientSelf) {

        public String key() {
            return key(method, path);
        }

        public static String key(String method, String path) {
            return method.toUpperCase() + " " + path;
        }

        /** The same rule without {@code role}: what a table that forgot one role would say. */
        public Rule without(String role) {
            Set<String> fewer = new LinkedHashSet<>(roles);
            fewer.remove(role);
            return new Rule(service, method, path, access, Set.copyOf(fewer), patientSelf);
        }
    }

    /** Who the row lets in. */
    public enum Access {
        PUBLIC,
        AUTHENTICATED,
        ROLES,
        /** The row has no rule (empty or unreadable Roles cell). */
        NONE
    }

    public static AuthorizationMatrix read(Path markdown) {
        try {
            return parse(Files.readAllLines(markdown));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the authorisation matrix " + markdown, e);
        }
    }

    /** The rows of the first table whose header starts with {@code | Service | Method | Path}. */
    public static AuthorizationMatrix parse(List<String> lines) {
        List<Rule> rules = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        boolean inTable = false;
        for (String line : lines) {
            String trimmed = line.strip();
            if (!inTable) {
                inTable = trimmed.replace(" ", "").startsWith("|Service|Method|Path|");
                continue;
            }
            if (!trimmed.startsWith("|")) {
                break;
            }
            if (trimmed.matches("\\|[-:| ]+\\|?")) {
                continue; // the separator row
            }
            List<String> cells = Arrays.stream(trimmed.substring(1).split("\\|", -1)).map(String::strip).toList();
            if (cells.size() < 5) {
                problems.add("row with fewer than 5 cells: " + trimmed);
                continue;
            }
            Rule rule = parseRow(cells);
            rules.add(rule);
            if (rule.access() == Access.NONE) {
                problems.add(rule.key() + ": no rule (the Roles cell must be public, authenticated or roles)");
            }
            checkCells(cells, problems);
        }
        if (!inTable) {
            problems.add("no table with the header | Service | Method | Path | Roles | Patient self |");
        }
        return new AuthorizationMatrix(List.copyOf(rules), List.copyOf(problems));
    }

    private static Rule parseRow(List<String> cells) {
        String method = cells.get(1).toUpperCase();
        String path = cells.get(2).replace("`", "");
        String rolesCell = cells.get(3);
        Access access;
        Set<String> roles = Set.of();
        if (rolesCell.equalsIgnoreCase(PUBLIC)) {
            access = Access.PUBLIC;
        } else if (rolesCell.equalsIgnoreCase(AUTHENTICATED)) {
            access = Access.AUTHENTICATED;
        } else {
            roles = Arrays.stream(rolesCell.split(","))
                    .map(String::strip)
                    .filter(r -> !r.isEmpty())
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            access = roles.isEmpty() || !ALL_ROLES.containsAll(roles) ? Access.NONE : Access.ROLES;
        }
        boolean self = cells.get(4).equalsIgnoreCase("yes");
        return new Rule(cells.get(0), method, path, access, Set.copyOf(roles), self);
    }

    private static void checkCells(List<String> cells, List<String> problems) {
        String key = Rule.key(cells.get(1), cells.get(2).replace("`", ""));
        if (!METHODS.contains(cells.get(1).toUpperCase())) {
            problems.add(key + ": unknown method " + cells.get(1));
        }
        if (!cells.get(2).replace("`", "").startsWith("/")) {
            problems.add(key + ": the path must start with /");
        }
        String self = cells.get(4).toLowerCase();
        if (!self.equals("yes") && !self.equals("no")) {
            problems.add(key + ": Patient self must be yes or no, not '" + cells.get(4) + "'");
        }
        Arrays.stream(cells.get(3).split(","))
                .map(String::strip)
                .filter(r -> !r.isEmpty() && !r.equalsIgnoreCase(PUBLIC) && !r.equalsIgnoreCase(AUTHENTICATED))
                .filter(r -> !ALL_ROLES.contains(r))
                .forEach(r -> problems.add(key + ": unknown role '" + r + "' (roles: " + ALL_ROLES + ")"));
    }

    /** The matrix with {@code replacement} in place of the rule of the same method and path. */
    public AuthorizationMatrix with(Rule replacement) {
        List<Rule> changed = rules.stream().map(r -> r.key().equals(replacement.key()) ? replacement : r).toList();
        return new AuthorizationMatrix(changed, problems);
    }

    public Optional<Rule> rule(String method, String path) {
        String key = Rule.key(method, path);
        return rules.stream().filter(r -> r.key().equals(key)).findFirst();
    }

    /** Keys that appear in more than one row. */
    public List<String> duplicates() {
        Set<String> seen = new LinkedHashSet<>();
        return rules.stream().map(Rule::key).filter(k -> !seen.add(k)).distinct().toList();
    }

    private static Set<String> allRoles() {
        Set<String> roles = new LinkedHashSet<>(Roles.STAFF);
        roles.add(Roles.PATIENT);
        return Set.copyOf(roles);
    }
}
