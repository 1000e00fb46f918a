package org.hms.identity.password;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.hms.identity.config.IdentityConfig;
import org.hms.platform.problem.FieldError;
import org.hms.platform.problem.Problem;
import org.hms.platform.problem.ProblemException;

/**
 * What a new password must be (NIST SP 800-63B style: length and a breached-password check,
 * no composition rules): long enough, within bcrypt's 72 bytes, not the username or built on
 * it, and not one of the most common passwords, even with digits or symbols around it.
 */
@ApplicationScoped
public class PasswordPolicy {

    /** What the OpenAPI document says of a new password (the minimum is the default of the config). */
    public static final String RULES = "At least 12 characters (hms.identity.password.min-length), at most 72 bytes"
            + " in UTF-8, not containing the username, not a common password, at least 5 different characters";
    public static final int DEFAULT_MIN_LENGTH = 12;

    private static final String COMMON = "/passwords/common.txt";
    /** A core shorter than this ("ab" of "ab1234567890") is not checked against the list. */
    private static final int MIN_CORE = 4;
    private static final int MIN_DISTINCT = 5;

    private final int minLength;
    private final Set<String> common;

    @Inject
    public PasswordPolicy(IdentityConfig config) {
        this(config.password().minLength());
    }

    PasswordPolicy(int minLength) {
        this.minLength = minLength;
        this.common = load();
    }

    /** What is wrong with {@code password} for the account {@code username}; empty when acceptable. */
    public List<String> violations(String password, String username) {
        List<String> found = new ArrayList<>();
        if (password == null || password.isBlank()) {
            return List.of("is required");
        }
        if (password.codePointCount(0, password.length()) < minLength) {
            found.add("must be at least " + minLength + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > Passwords.MAX_BYTES) {
            found.add("must be at most " + Passwords.MAX_BYTES + " bytes (UTF-8)");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            found.add("must not be or contain the username");
        }
        if (isCommon(lower) || lower.codePoints().distinct().count() < MIN_DISTINCT || lower.matches("[0-9]+")) {
            found.add("is too common or too simple to guess: a few unrelated words make a good password");
        }
        return found;
    }

    /** Throws a 400 problem naming {@code field} when the password is not acceptable. */
    public void require(String field, String password, String username) {
        List<String> found = violations(password, username);
        if (!found.isEmpty()) {
            throw new ProblemException(Problem.of("validation", "Invalid request", 400,
                            found.stream().map(m -> field + " " + m).collect(Collectors.joining("; ")))
                    .with("errors", found.stream().map(m -> new FieldError(field, m)).toList()));
        }
    }

    private boolean isCommon(String lower) {
        if (common.contains(lower)) {
            return true;
        }
        String core = lower.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
        return core.length() >= MIN_CORE && (common.contains(core) || isRepeated(core));
    }

    /** "passwordpassword", "abcabcabc": a common or short word said again. */
    private boolean isRepeated(String core) {
        for (int size = 1; size <= core.length() / 2; size++) {
            if (core.length() % size == 0 && core.substring(0, size).repeat(core.length() / size).equals(core)) {
                return size < MIN_CORE || common.contains(core.substring(0, size));
            }
        }
        return false;
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + COMMON);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
