package org.hms.contracts.system;

import java.util.List;

/**
 * One service of the descriptor. {@code database}: it owns a PostgreSQL database named
 * {@code hms_<name>} (with {@code _test} and {@code _system} siblings for the tests).
 * {@code routes}: API path prefixes the gateway sends to it.
 */
public record ServiceEntry(
        String name, int port, boolean database, List<String> publishes, List<String> consumes, List<String> routes) {

    public ServiceEntry {
        if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("system descriptor: service name '" + name + "' must be lower-case");
        }
        if (port < 1024 || port > 65535) {
            throw new IllegalArgumentException("system descriptor: " + name + " has port " + port);
        }
        publishes = publishes == null ? List.of() : List.copyOf(publishes);
        consumes = consumes == null ? List.of() : List.copyOf(consumes);
        routes = routes == null ? List.of() : List.copyOf(routes);
        routes.forEach(r -> {
            if (!r.startsWith("/") || r.endsWith("/")) {
                throw new IllegalArgumentException("system descriptor: route '" + r + "' of " + name
                        + " must start with / and not end with /");
            }
        });
    }

    /** The database the service owns ({@code hms_<name>}), or none for a stateless service. */
    public String databaseName() {
        if (!database) {
            throw new IllegalStateException(name + " owns no database");
        }
        return "hms_" + name.replace('-', '_');
    }
}
