package org.hms.identity.user;

import java.util.Locale;

/** Usernames are case-insensitive: stored and compared in lower case, without surrounding blanks. */
public final class Usernames {

    /** What a username may look like (before lower-casing): 3 to 64 letters, digits and . _ @ - */
    public static final String PATTERN = "^[A-Za-z0-9][A-Za-z0-9._@-]{2,63}$";

    private Usernames() {}

    public static String normalize(String username) {
        return username == null ? null : username.strip().toLowerCase(Locale.ROOT);
    }
}
