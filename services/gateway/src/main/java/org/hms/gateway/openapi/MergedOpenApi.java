package org.hms.gateway.openapi;

import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hms.platform.problem.Problem;
import org.hms.gateway.problem.Problems;
import org.hms.gateway.proxy.Upstream;
import org.hms.gateway.proxy.Upstreams;
import org.hms.gateway.routing.Route;
import org.hms.gateway.routing.RouteTable;

/**
 * {@code GET /openapi}: every upstream's OpenAPI document merged into one, fetched afresh (in
 * parallel, a few seconds at most) on each call. An upstream that does not answer is left out and
 * named in {@code x-hms-unavailable}; the rest is still served. Swagger UI at {@code /docs} reads it.
 */
@ApplicationScoped
public class MergedOpenApi {

    public static final String PATH = "/openapi";
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(3);
    private static final String GATEWAY = "gateway";
    /** The gateway's own endpoints (this one and the status page), written by hand: they are Vert.x routes. */
    private static final JsonObject OWN_DOCUMENT = ownDocument();

    private static final Map<String, String> GATEWAY_PROBLEMS = Map.of(
            "502", "Bad gateway: the service answered something unusable",
            "503", "The service is unavailable (down, or its circuit is open): retry later",
            "504", "The service did not answer in time");

    private final Upstreams upstreams;
    private final RouteTable table;

    public MergedOpenApi(Upstreams upstreams, RouteTable table) {
        this.upstreams = upstreams;
        this.table = table;
    }

    public void serve(RoutingContext ctx) {
        Problems.discardBody(ctx.request());
        List<Upstream> documented = upstreams.all().stream().filter(u -> u.config().openapi()).toList();
        List<Future<OpenApiMerger.Source>> fetches = documented.stream().map(this::fetch).toList();
        Future.join(fetches).onComplete(done -> {
            List<OpenApiMerger.Source> sources = new ArrayList<>();
            JsonArray unavailable = new JsonArray();
            for (int i = 0; i < documented.size(); i++) {
                if (fetches.get(i).succeeded()) {
                    sources.add(fetches.get(i).result());
                } else {
                    unavailable.add(documented.get(i).name());
                }
            }
            sources.add(new OpenApiMerger.Source(GATEWAY, OWN_DOCUMENT.copy()));
            JsonObject merged = OpenApiMerger.merge(info(sources, unavailable), sources, this::owns)
                    .put("x-hms-unavailable", unavailable);
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(merged.toBuffer());
        });
    }

    private Future<OpenApiMerger.Source> fetch(Upstream upstream) {
        return upstreams.fetch(upstream, upstream.config().openapiPath(), FETCH_TIMEOUT)
                .compose(answer -> answer.status() == 200
                        ? Future.succeededFuture(new OpenApiMerger.Source(upstream.name(),
                                withGatewayProblems(answer.body().toJsonObject())))
                        : Future.failedFuture("HTTP " + answer.status()))
                .onFailure(e -> Log.infof("OpenAPI document of %s not merged: %s", upstream.name(), e.toString()));
    }

    /**
     * What the gateway itself may answer on any upstream's operation, as problems: 502 (the
     * upstream answered nonsense), 503 (it is down, or its circuit is open), 504 (it took too long).
     */
    static JsonObject withGatewayProblems(JsonObject document) {
        JsonObject paths = document.getJsonObject("paths", new JsonObject());
        for (String path : paths.fieldNames()) {
            JsonObject item = paths.getJsonObject(path);
            for (String method : item.fieldNames()) {
                if (item.getValue(method) instanceof JsonObject operation) {
                    if (operation.getJsonObject("responses") == null) {
                        operation.put("responses", new JsonObject());
                    }
                    JsonObject responses = operation.getJsonObject("responses");
                    GATEWAY_PROBLEMS.forEach((status, description) -> {
                        if (!responses.containsKey(status)) {
                            responses.put(status, problem(description));
                        }
                    });
                }
            }
        }
        return document;
    }

    private static JsonObject problem(String description) {
        return new JsonObject().put("description", description).put("content", new JsonObject()
                .put(Problem.MEDIA_TYPE, new JsonObject()
                        .put("schema", new JsonObject().put("$ref", "#/components/schemas/Problem"))));
    }

    private boolean owns(String service, String path) {
        if (service.equals(GATEWAY)) {
            return true;
        }
        return table.match(path).map(Route::upstream).filter(service::equals).isPresent();
    }

    private static JsonObject ownDocument() {
        try (InputStream in = MergedOpenApi.class.getResourceAsStream("/openapi/gateway.json")) {
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the gateway's own OpenAPI document (openapi/gateway.json) is missing", e);
        }
    }

    private static JsonObject info(List<OpenApiMerger.Source> sources, JsonArray unavailable) {
        String version = sources.stream()
                .map(s -> s.document().getJsonObject("info", new JsonObject()).getString("version"))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse("0.1.0");
        String services = String.join(", ", sources.stream().map(OpenApiMerger.Source::service)
                .filter(name -> !name.equals(GATEWAY)).toList());
        String description = "Every HMS service through one origin, the gateway. Merged from: " + services + "."
                + (unavailable.isEmpty() ? "" : " Not answering now, so missing: " + unavailable.encode() + ".");
        return new JsonObject().put("title", "HMS API").put("version", version).put("description", description);
    }
}
