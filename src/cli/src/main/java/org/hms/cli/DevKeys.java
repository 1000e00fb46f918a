package org.hms.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The local dev signing key pair in {@code $HMS_HOME/keys}: {@code jwt-private.pem} (PKCS#8) and
 * {@code jwt-public.pem} (X.509 SubjectPublicKeyInfo), the files identity signs with locally and
 * the tests read. DEV-ONLY: generated on this machine, never used anywhere else.
 */
final class DevKeys {

    static final String PRIVATE_FILE = "jwt-private.pem";
    static final String PUBLIC_FILE = "jwt-public.pem";

    private final Path dir;

    DevKeys(Path dir) {
        this.dir = dir;
    }

    Path privateKeyFile() {
        return dir.resolve(PRIVATE_FILE);
    }

    Path publicKeyFile() {
        return dir.resolve(PUBLIC_FILE);
    }

    /** Creates what is missing (the pair, or the public half); returns a line per file written. */
    List<String> ensure() {
        List<String> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            if (!Files.isRegularFile(privateKeyFile()) || Files.size(privateKeyFile()) == 0) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                writePem(privateKeyFile(), "PRIVATE KEY", generator.generateKeyPair().getPrivate().getEncoded(), true);
                Files.deleteIfExists(publicKeyFile());
                written.add("generated an RSA 2048 key pair in " + dir + ": DEV-ONLY keys, never use them outside this machine");
            }
            if (!Files.isRegularFile(publicKeyFile()) || Files.size(publicKeyFile()) == 0) {
                writePem(publicKeyFile(), "PUBLIC KEY", publicKeyOf(privateKey()).getEncoded(), false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new CliException("cannot create the dev keys in " + dir + ": " + e.getMessage());
        }
        return written;
    }

    PrivateKey privateKey() {
        try {
            byte[] der = readPem(privateKeyFile(), "PRIVATE KEY");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new CliException(privateKeyFile() + " is not an RSA private key (PKCS#8 PEM): " + e.getMessage());
        }
    }

    static PublicKey publicKeyOf(PrivateKey key) throws GeneralSecurityException {
        if (!(key instanceof RSAPrivateCrtKey rsa)) {
            throw new GeneralSecurityException("not an RSA CRT key");
        }
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
    }

    private static byte[] readPem(Path file, String type) {
        String pem;
        try {
            pem = Files.readString(file);
        } catch (IOException e) {
            throw new CliException("cannot read " + file + " (run ./hms setup): " + e.getMessage());
        }
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new CliException(file + " holds no " + type + " PEM block");
        }
        return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    }

    private static void writePem(Path file, String type, byte[] der, boolean secret) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        String pem = "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--")));
        Files.writeString(tmp, pem);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
