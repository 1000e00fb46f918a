package org.hms.identity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Settings of the identity service: tokens, keys, password policy, lockout, the first admin. */
@ConfigMapping(prefix = "hms.identity")
public interface IdentityConfig {

    Token token();

    Keys keys();

    Password password();

    Lockout lockout();

    Patients patients();

    /** The username of the admin created on the very first start, when no account exists. */
    @WithName("initial-admin-username")
    @WithDefault("admin")
    String initialAdminUsername();

    /**
     * The first admin's password, from a secret (env {@code HMS_IDENTITY_INITIAL_ADMIN_PASSWORD}).
     * It must be changed at the first sign-in either way.
     */
    @WithName("initial-admin-password")
    Optional<String> initialAdminPassword();

    /**
     * Whether, with no {@link #initialAdminPassword()}, a random password may be generated and
     * written to {@link #initialAdminPasswordFile()}: local runs only, false in {@code %prod}
     * (where the secret is required).
     */
    @WithName("initial-admin-password-generated")
    @WithDefault("true")
    boolean initialAdminPasswordGenerated();

    /** Where a generated first-admin password is written (owner read/write only, never logged). */
    @WithName("initial-admin-password-file")
    @WithDefault("${HMS_HOME:../../.hms}/admin-password")
    Path initialAdminPasswordFile();

    interface Token {
        /** The {@code iss} of every token; services verify it ({@code mp.jwt.verify.issuer}). */
        @WithDefault("${mp.jwt.verify.issuer:hms-identity}")
        String issuer();

        /** How long an access token is valid. */
        @WithDefault("15m")
        Duration accessLifespan();

        /** How long a refresh token may wait to be used (each refresh issues a new one). */
        @WithDefault("12h")
        Duration refreshLifespan();

        /** How long a session (a refresh token family) lasts at most, however often it refreshes. */
        @WithDefault("24h")
        Duration sessionLifespan();
    }

    interface Keys {
        /** PEM (PKCS#8) RSA private key that signs access tokens; a mounted secret in production. */
        @WithDefault("${HMS_HOME:../../.hms}/keys/jwt-private.pem")
        Path signingKeyLocation();

        /** The {@code kid} of the signing key, in every token header and in the JWKS. */
        @WithDefault("hms-dev")
        String signingKeyId();

        /**
         * Further public keys (PEM, X.509) by kid that tokens may still be signed with: the
         * previous signing key during a rotation. The signing key's own public half is always
         * published, so this is empty outside a rotation.
         */
        Map<String, Path> verification();
    }

    interface Password {
        /** The shortest password accepted. */
        @WithDefault("12")
        int minLength();

        /** bcrypt work factor (2^cost rounds); existing hashes are upgraded at the next sign-in. */
        @WithDefault("12")
        int bcryptCost();
    }

    interface Lockout {
        /** Failed sign-ins of one username within {@link #window()} that lock it. */
        @WithDefault("5")
        int maxFailures();

        /** The period failures are counted in, from the first one. */
        @WithDefault("15m")
        Duration window();

        /** How long a locked username stays locked (even the right password is refused). */
        @WithDefault("15m")
        Duration duration();
    }

    /**
     * The call to the patients service that checks a patient before a patient account is
     * created (org.hms.identity.patient.PatientDirectory). Its URL is
     * {@code quarkus.rest-client.patients.url}; timeout, retries and circuit breaker are tuned with
     * {@code quarkus.fault-tolerance."org.hms.identity.patient.PatientDirectory/status".*}.
     */
    interface Patients {
        /** What a refused creation tells the admin to wait (Retry-After) while patients is unavailable. */
        @WithDefault("30s")
        Duration retryAfter();
    }
}
