package org.hms.identity.password;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hms.identity.config.IdentityConfig;

/**
 * bcrypt hashing and checking of passwords. Both cost tens to hundreds of milliseconds of CPU
 * on purpose, so they run on a worker thread and resume on the caller's Vert.x context: never
 * on an event loop.
 */
@ApplicationScoped
public class Passwords {

    /** bcrypt reads at most this many bytes of a password; the policy refuses longer ones. */
    public static final int MAX_BYTES = 72;

    private static final Pattern COST = Pattern.compile("^\\$2[aby]?\\$(\\d{2})\\$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int cost;
    /** Checked against when the username is unknown, so that answer takes as long as a wrong password. */
    private volatile String decoy;

    public Passwords(IdentityConfig config) {
        this.cost = config.password().bcryptCost();
    }

    public Uni<String> hash(String password) {
        return VertxContextSupport.executeBlocking(() -> BcryptUtil.bcryptHash(password, cost));
    }

    /**
     * Whether {@code password} matches {@code hash}. With no hash (an unknown user) it checks a
     * decoy hash of the same cost and answers false, so timing does not tell the cases apart.
     */
    public Uni<Boolean> matches(String password, String hash) {
        boolean usable = password != null && password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
        String candidate = usable ? password : "";
        return VertxContextSupport.executeBlocking(() -> {
            if (hash == null) {
                BcryptUtil.matches(candidate, decoy());
                return false;
            }
            // bcrypt would silently ignore everything after byte 72: a longer password never matches
            return BcryptUtil.matches(candidate, hash) && usable;
        });
    }

    /** Whether a stored hash was made with another cost than the configured one (then it is re-hashed). */
    public boolean outdated(String hash) {
        Matcher m = COST.matcher(hash);
        return !m.find() || Integer.parseInt(m.group(1)) != cost;
    }

    /** A random password of 24 URL-safe characters (144 bits), for the first admin. */
    public static String generate() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String decoy() {
        String current = decoy;
        if (current == null) {
            current = BcryptUtil.bcryptHash(generate(), cost);
            decoy = current;
        }
        return current;
    }
}
