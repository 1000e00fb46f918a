package org.hms.gateway;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.hms.gateway.edge.Caller;
import org.hms.gateway.edge.Edge;
import org.hms.gateway.openapi.MergedOpenApi;
import org.hms.platform.problem.Problem;
import org.hms.gateway.problem.Problems;
import org.hms.gateway.proxy.ReverseProxy;
import org.hms.gateway.proxy.Upstream;
import org.hms.gateway.proxy.Upstreams;
import org.hms.gateway.routing.Route;
import org.hms.gateway.routing.RouteTable;
import org.hms.gateway.status.GatewayStatus;

/**
 * The gateway's routes on the Vert.x router (no JAX-RS: nothing here needs it). Every client
 * path passes the {@link Edge} first; then the status page and the merged OpenAPI answer their
 * own paths, and the proxy everything else of the routing table. Any other {@code /api/v1} path
 * is a 404 problem.
 */
@ApplicationScoped
public class GatewayRoutes {

    private final Edge edge;
    private final RouteTable table;
    private final Upstreams upstreams;
    private final ReverseProxy proxy;
    private final GatewayStatus status;
    private final MergedOpenApi openApi;

    public GatewayRoutes(Edge edge, RouteTable table, Upstreams upstreams, ReverseProxy proxy, GatewayStatus status,
            MergedOpenApi openApi) {
        this.edge = edge;
        this.table = table;
        this.upstreams = upstreams;
        this.proxy = proxy;
        this.status = status;
        this.openApi = openApi;
    }

    void install(@Observes Router router) {
        List<String> mounts = new ArrayList<>();
        mounts.add(RouteTable.API + "/*");
        table.prefixesOutsideApi().stream().sorted().forEach(prefix -> mounts.add(prefix + "/*"));

        mounts.forEach(mount -> router.route(mount).handler(edge::admit));
        router.get(MergedOpenApi.PATH).handler(edge::admit).handler(openApi::serve);
        router.get(GatewayStatus.PATH).handler(status::serve);
        mounts.forEach(mount -> router.route(mount).handler(this::forward));
    }

    private void forward(RoutingContext ctx) {
        Route route = ctx.get(Edge.ROUTE);
        if (route == null) {
            Problems.send(ctx, Problem.notFound("no service answers " + ctx.normalizedPath()));
            return;
        }
        Caller caller = ctx.get(Edge.CALLER);
        String path = ctx.normalizedPath();
        if (!caller.authenticated() && !table.isPublic(path)) {
            Edge.refuseAnonymous(ctx, caller);
            return;
        }
        Upstream upstream = upstreams.named(route.upstream()).orElseThrow();
        String query = ctx.request().query();
        proxy.forward(ctx, upstream, query == null ? path : path + "?" + query);
    }
}
