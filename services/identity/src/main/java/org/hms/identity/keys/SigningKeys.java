package org.hms.identity.keys;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hms.identity.config.IdentityConfig;

/**
 * The RSA key that signs access tokens and every public key tokens may be verified with, by
 * kid: the signing key's own public half first, then the keys of a rotation in progress.
 * Read once at start-up (a missing or broken key stops the service there, not at the first
 * sign-in).
 */
@Startup
@Singleton
public class SigningKeys {

    private final String keyId;
    private final PrivateKey signingKey;
    private final Map<String, RSAPublicKey> verificationKeys;

    public SigningKeys(IdentityConfig config) {
        IdentityConfig.Keys keys = config.keys();
        this.keyId = keys.signingKeyId();
        RSAPrivateCrtKey privateKey = readPrivateKey(keys.signingKeyLocation());
        this.signingKey = privateKey;
        Map<String, RSAPublicKey> all = new LinkedHashMap<>();
        all.put(keyId, publicHalf(privateKey));
        keys.verification().forEach((kid, location) -> {
            RSAPublicKey key = readPublicKey(location);
            RSAPublicKey known = all.putIfAbsent(kid, key);
            if (known != null && !known.equals(key)) {
                throw new IllegalStateException("hms.identity.keys.verification.\"" + kid + "\" (" + location
                        + ") is not the public half of the signing key with that kid");
            }
        });
        this.verificationKeys = Collections.unmodifiableMap(all);
    }

    /** The kid of the key that signs new tokens. */
    public String keyId() {
        return keyId;
    }

    public PrivateKey signingKey() {
        return signingKey;
    }

    /** Every key a token may be signed with, by kid, the current one first. */
    public Map<String, RSAPublicKey> verificationKeys() {
        return verificationKeys;
    }

    static RSAPrivateCrtKey readPrivateKey(Path pem) {
        try {
            byte[] der = der(Files.readString(pem), "PRIVATE KEY", pem);
            if (KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der))
                    instanceof RSAPrivateCrtKey key) {
                return key;
            }
            throw new IllegalStateException(pem + " is not an RSA private key with its CRT parameters");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the token signing key " + pem.toAbsolutePath().normalize()
                    + " (hms.identity.keys.signing-key-location; locally ./hms setup creates it)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(pem + " is not a PKCS#8 RSA private key", e);
        }
    }

    static RSAPublicKey readPublicKey(Path pem) {
        try {
            byte[] der = der(Files.readString(pem), "PUBLIC KEY", pem);
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the verification key " + pem.toAbsolutePath().normalize(), e);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException(pem + " is not an X.509 (SubjectPublicKeyInfo) RSA public key", e);
        }
    }

    private static RSAPublicKey publicHalf(RSAPrivateCrtKey key) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] der(String pem, String label, Path from) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int start = pem.indexOf(begin);
        int stop = pem.indexOf(end);
        if (start < 0 || stop < start) {
            throw new IllegalStateException(from + " holds no PEM block '" + begin + "'");
        }
        return Base64.getMimeDecoder().decode(pem.substring(start + begin.length(), stop));
    }

    /** The unsigned big-endian bytes of {@code value}, base64url without padding (RFC 7518 §6.3.1). */
    static String base64url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
