package org.hms.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.hms.platform.audit.PatientData;
import org.hms.platform.config.PlatformConfig;
import org.hms.platform.problem.Problem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * {@code Idempotency-Key} on POST: the first request with a key runs; a retry with the same
 * key (same caller, same body) gets the first response back and creates nothing. The key is
 * claimed in the database before the request runs, so two copies racing each other cannot
 * both run: the second answers 409 until the first is done. A key reused for a different
 * request answers 422. Failed requests release their key so the client can retry.
 */
// application-scoped (a lazy proxy): filters are set up at static init, before the pool exists
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final String CLAIM = IdempotencyKeys.class.getName();

    private final Pool pool;
    private final CurrentIdentityAssociation identities;
    private final ObjectMapper mapper;
    private final PlatformConfig config;

    public IdempotencyKeys(Pool pool, CurrentIdentityAssociation identities, ObjectMapper mapper, PlatformConfig config) {
        this.pool = pool;
        this.identities = identities;
        this.mapper = mapper;
        this.config = config;
    }

    private record Claim(String scope, String key) {}

    @ServerRequestFilter(readBody = true)
    public Uni<Response> claim(ContainerRequestContext request) {
        String key = request.getHeaderString(HEADER);
        if (key == null || !"POST".equals(request.getMethod())) {
            return Uni.createFrom().nullItem();
        }
        if (key.isBlank() || key.length() > 255) {
            return Uni.createFrom().item(problem(Problem.of("validation", "Invalid request", 400,
                    HEADER + " must be 1 to 255 characters")));
        }
        String hash = fingerprint(request);
        return identities.getDeferredIdentity().onFailure().recoverWithNull().chain(identity -> {
            if (identity == null || identity.isAnonymous()) {
                return Uni.createFrom().nullItem(); // security answers 401; nothing to remember
            }
            Claim claim = new Claim(identity.getPrincipal().getName(), key);
            return pool.preparedQuery("insert into idempotency_key (scope, key, request_hash) values ($1, $2, $3)"
                            + " on conflict do nothing")
                    .execute(Tuple.of(claim.scope(), claim.key(), hash))
                    .chain(rows -> {
                        if (rows.rowCount() == 1) {
                            request.setProperty(CLAIM, claim);
                            return Uni.createFrom().nullItem();
                        }
                        return replay(claim, hash);
                    });
        });
    }

    @ServerResponseFilter
    public Uni<Void> remember(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIM) instanceof Claim claim)) {
            return Uni.createFrom().voidItem();
        }
        if (response.getStatus() >= 300) {
            return pool.preparedQuery("delete from idempotency_key where scope = $1 and key = $2")
                    .execute(Tuple.of(claim.scope(), claim.key()))
                    .replaceWithVoid();
        }
        Tuple values = Tuple.tuple()
                .addString(claim.scope())
                .addString(claim.key())
                .addInteger(response.getStatus())
                .addString(contentType(response))
                .addString(response.getHeaderString(HttpHeaders.LOCATION))
                .addString(response.getHeaderString(HttpHeaders.ETAG))
                .addString(body(response.getEntity()))
                .addArrayOfUUID(disclosed(response.getEntity()));
        return pool.preparedQuery("update idempotency_key set status = $3, content_type = $4, location = $5,"
                        + " etag = $6, body = $7, patient_ids = $8, completed_at = now() where scope = $1 and key = $2")
                .execute(values)
                .replaceWithVoid();
    }

    /**
     * Erasure: every stored response that discloses this patient (its body names them, or its
     * {@code Location} points at them) is replaced, in the current transaction, by a 410
     * problem. A retry with the key then gets 410 and creates nothing: the key is kept rather
     * than deleted, or a retried registration would run again and store the erased data anew.
     * The number of responses redacted.
     */
    public Uni<Integer> forgetPatient(UUID patientId) {
        String gone = body(Problem.of("patient-erased", "Gone", 410,
                "the personal data of patient " + patientId + " was erased"));
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("update idempotency_key set status = 410,"
                                + " content_type = ?2, location = null, etag = null, body = ?3, patient_ids = '{}'"
                                + " where status is not null"
                                + " and (?1 = any(patient_ids) or location like ?4)")
                        .setParameter(1, patientId)
                        .setParameter(2, Problem.MEDIA_TYPE)
                        .setParameter(3, gone)
                        .setParameter(4, "%/" + patientId)
                        .executeUpdate());
    }

    @Scheduled(identity = "hms-idempotency-purge", every = "10m", delayed = "1m")
    public Uni<Void> purgeExpired() {
        return pool.preparedQuery("delete from idempotency_key where created_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) config.idempotency().keep().toSeconds()))
                .replaceWithVoid();
    }

    private Uni<Response> replay(Claim claim, String hash) {
        return pool.preparedQuery("select request_hash, status, content_type, location, etag, body"
                        + " from idempotency_key where scope = $1 and key = $2")
                .execute(Tuple.of(claim.scope(), claim.key()))
                .map(rows -> {
                    Row row = rows.iterator().hasNext() ? rows.iterator().next() : null;
                    if (row == null || row.getInteger("status") == null) {
                        return problem(Problem.of("request-in-progress", "Conflict", 409,
                                "a request with this " + HEADER + " is still being processed; retry shortly"));
                    }
                    if (!hash.equals(row.getString("request_hash"))) {
                        return problem(Problem.of("idempotency-key-reused", "Unprocessable request", 422,
                                HEADER + " was already used for a different request"));
                    }
                    return stored(row);
                });
    }

    private static Response stored(Row row) {
        Response.ResponseBuilder response = Response.status(row.getInteger("status"))
                .entity(row.getString("body"))
                .header(REPLAYED, "true");
        if (row.getString("content_type") != null) {
            response.type(row.getString("content_type"));
        }
        if (row.getString("location") != null) {
            response.header(HttpHeaders.LOCATION, row.getString("location"));
        }
        if (row.getString("etag") != null) {
            response.header(HttpHeaders.ETAG, row.getString("etag"));
        }
        return response.build();
    }

    private static Response problem(Problem problem) {
        return Response.status(problem.getStatus()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** The stored body's type: before the writer runs, a JSON entity often has no media type yet. */
    private static String contentType(ContainerResponseContext response) {
        if (response.getMediaType() != null) {
            return response.getMediaType().toString();
        }
        Object entity = response.getEntity();
        return entity == null || entity instanceof String ? null : MediaType.APPLICATION_JSON;
    }

    private String body(Object entity) {
        try {
            return entity == null ? null : entity instanceof String s ? s : mapper.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response cannot be stored for replay", e);
        }
    }

    private static UUID[] disclosed(Object entity) {
        List<UUID> ids = PatientData.disclosedBy(entity);
        return ids == null ? new UUID[0] : ids.toArray(new UUID[0]);
    }

    /**
     * The body, buffered before this filter (readBody = true) when the operation reads one; an
     * operation without a body (disable, enable) has none buffered, and reading its stream would
     * block the event loop (a 500 the OpenAPI fuzzer found): it counts as empty.
     */
    private static byte[] bodyOf(ContainerRequestContext request) throws IOException {
        InputStream stream = request.getEntityStream(); // not read yet: no blocking here
        if (!(stream instanceof ByteArrayInputStream)) {
            return new byte[0];
        }
        byte[] body = stream.readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        return body;
    }

    /** The request's identity for replays: method, path with query, and body. */
    private static String fingerprint(ContainerRequestContext request) {
        try {
            byte[] body = bodyOf(request);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(request.getUriInfo().getRequestUri().getRawPath().getBytes(StandardCharsets.UTF_8));
            String query = request.getUriInfo().getRequestUri().getRawQuery();
            digest.update(("?" + (query == null ? "" : query) + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
