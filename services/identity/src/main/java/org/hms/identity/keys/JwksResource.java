package org.hms.identity.keys;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public keys that verify HMS access tokens, as a JSON Web Key Set (RFC 7517). */
@Path("/.well-known")
@Tag(name = "Keys", description = "Public keys for verifying tokens")
public class JwksResource {

    /** How long verifiers may cache the set; a rotation publishes the next key well before using it. */
    private static final int MAX_AGE_SECONDS = 300;

    private final JwkSet keys;

    public JwksResource(SigningKeys keys) {
        this.keys = new JwkSet(keys.verificationKeys().entrySet().stream()
                .map(e -> Jwk.of(e.getKey(), e.getValue()))
                .toList());
    }

    @GET
    @Path("jwks.json")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getJwks", summary = "Token verification keys (JWKS)", description = "Every RSA key an access token may be"
            + " signed with, by kid: the current signing key first, then the previous one during a rotation."
            + " Point mp.jwt.verify.publickey.location at this URL to verify tokens by kid.")
    @APIResponse(responseCode = "200", description = "The JSON Web Key Set (Cache-Control: public, max-age=300)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JwkSet.class)))
    public Response jwks() {
        return Response.ok(keys).header("Cache-Control", "public, max-age=" + MAX_AGE_SECONDS).build();
    }

    /** A JSON Web Key Set. */
    public record JwkSet(List<Jwk> keys) {}

    /** One RSA public key (RFC 7517/7518): modulus and exponent as unsigned base64url. */
    public record Jwk(String kty, String use, String alg, String kid, String n, String e) {

        static Jwk of(String kid, RSAPublicKey key) {
            return new Jwk("RSA", "sig", "RS256", kid, SigningKeys.base64url(key.getModulus()),
                    SigningKeys.base64url(key.getPublicExponent()));
        }
    }
}
