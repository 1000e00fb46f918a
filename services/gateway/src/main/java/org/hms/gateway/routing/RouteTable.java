package org.hms.gateway.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hms.contracts.system.SystemDescriptor;
import org.hms.gateway.config.GatewayConfig;
import org.hms.gateway.proxy.Upstream;
import org.hms.gateway.proxy.Upstreams;

/**
 * Which upstream owns a path: the longest prefix that covers it, among the system descriptor's
 * routes ({@code hms.yaml}) and any extra ones configured in {@code hms.gateway.routes}.
 */
@ApplicationScoped
public class RouteTable {

    /** Every path under it is the gateway's to answer; unknown ones get a 404 problem. */
    public static final String API = "/api/v1";

    private final List<Route> routes;
    private final Set<String> publicPaths;

    @Inject
    public RouteTable(SystemDescriptor system, GatewayConfig config, Upstreams upstreams) {
        this(routes(system, config.routes()), config.publicPaths(),
                upstreams.all().stream().map(Upstream::name).collect(Collectors.toUnmodifiableSet()));
    }

    /**
     * The descriptor's routes, then the configured extra ones. An extra route may not overlap one
     * of the descriptor's (the same prefix, or one above or below it): it adds paths, it never moves
     * a service's paths elsewhere.
     */
    static Map<String, String> routes(SystemDescriptor system, Map<String, String> extra) {
        Map<String, String> routes = new LinkedHashMap<>();
        system.routedServices().forEach(s -> s.routes().forEach(prefix -> routes.put(prefix, s.name())));
        extra.forEach((prefix, upstream) -> {
            String trimmed = trimSlash(prefix);
            system.routedServices().forEach(s -> s.routes().stream()
                    .filter(r -> SystemDescriptor.covers(r, trimmed) || SystemDescriptor.covers(trimmed, r))
                    .findFirst()
                    .ifPresent(r -> {
                        throw new IllegalArgumentException("hms.gateway.routes: " + prefix + " overlaps " + r
                                + ", which " + SystemDescriptor.RESOURCE + " routes to " + s.name()
                                + "; change routes there, not in configuration");
                    }));
            routes.put(prefix, upstream);
        });
        return routes;
    }

    RouteTable(Map<String, String> routes, List<String> publicPaths, Set<String> upstreams) {
        routes.forEach((prefix, upstream) -> {
            if (!prefix.startsWith("/")) {
                throw new IllegalArgumentException("hms.gateway.routes: prefix " + prefix + " must start with /");
            }
            if (!upstreams.contains(upstream)) {
                throw new IllegalArgumentException("route " + prefix + " names " + upstream
                        + ", which is not among the upstreams " + upstreams);
            }
        });
        this.routes = routes.entrySet().stream()
                .map(e -> new Route(trimSlash(e.getKey()), e.getValue()))
                .sorted(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed())
                .toList();
        this.publicPaths = Set.copyOf(publicPaths);
    }

    /** The route owning {@code path} (normalised, without query), if any. */
    public Optional<Route> match(String path) {
        for (Route route : routes) {
            if (route.covers(path)) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }

    public boolean isPublic(String path) {
        return publicPaths.contains(path);
    }

    /** The prefixes outside {@link #API} (like /.well-known/jwks.json): each needs a router mount of its own. */
    public Set<String> prefixesOutsideApi() {
        return routes.stream()
                .map(Route::prefix)
                .filter(p -> !new Route(API, "").covers(p))
                .collect(Collectors.toUnmodifiableSet());
    }

    public List<Route> routes() {
        return routes;
    }

    private static String trimSlash(String prefix) {
        return prefix.length() > 1 && prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }
}
