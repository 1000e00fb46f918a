package org.hms.identity.bootstrap;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.hms.identity.audit.Caller;
import org.hms.identity.config.IdentityConfig;
import org.hms.identity.password.Passwords;
import org.hms.identity.user.UserAccount.NewAccount;
import org.hms.identity.user.UserRepository;
import org.hms.identity.user.UserService;
import org.hms.platform.security.Roles;

/**
 * The first admin. On a start with no account at all it creates {@code admin} (configurable),
 * who must change the password at the first sign-in. The password comes from a secret
 * ({@code hms.identity.initial-admin-password}); without one, for local runs only, it is
 * generated and written to {@code hms.identity.initial-admin-password-file} (owner read/write
 * only, never logged). Replicas starting together serialise on a database lock, so exactly one
 * admin is created. The service is not ready until this is settled.
 */
@ApplicationScoped
public class InitialAdmin {

    private final UserRepository users;
    private final UserService accounts;
    private final Passwords passwords;
    private final IdentityConfig config;
    private volatile boolean settled;

    public InitialAdmin(UserRepository users, UserService accounts, Passwords passwords, IdentityConfig config) {
        this.users = users;
        this.accounts = accounts;
        this.passwords = passwords;
        this.config = config;
    }

    void onStart(@Observes StartupEvent start) {
        VertxContextSupport.subscribe(() -> ensure().toMulti(), subscribe -> subscribe.with(
                created -> settled = true,
                failure -> Log.errorf("the first admin could not be created, the service stays unready: %s",
                        failure.getMessage())));
    }

    /**
     * Creates the first admin if no account exists; answers whether it did. Retries while the
     * database is unreachable; gives up only when no password may be used (production without
     * the secret).
     */
    public Uni<Boolean> ensure() {
        return Panache.withTransaction(() -> users.lockBootstrap()
                        .chain(() -> users.count())
                        .chain(count -> count > 0 ? Uni.createFrom().item(false) : createAdmin()))
                .onFailure(failure -> !(failure instanceof IllegalStateException))
                .invoke(failure -> Log.warnf("the first-admin check failed, retrying: %s", failure.getMessage()))
                .onFailure(failure -> !(failure instanceof IllegalStateException))
                .retry()
                .withBackOff(Duration.ofMillis(500), Duration.ofSeconds(10))
                .indefinitely();
    }

    /** Whether this start has settled the first admin (created one, or found accounts). */
    public boolean isSettled() {
        return settled;
    }

    /** Inside the locked transaction: the password file is written before the account commits. */
    private Uni<Boolean> createAdmin() {
        Optional<String> secret = config.initialAdminPassword().filter(p -> !p.isBlank());
        if (secret.isEmpty() && !config.initialAdminPasswordGenerated()) {
            return Uni.createFrom().failure(new IllegalStateException("no account exists and no first-admin"
                    + " password is configured: set the secret HMS_IDENTITY_INITIAL_ADMIN_PASSWORD"));
        }
        String password = secret.orElseGet(Passwords::generate);
        NewAccount admin = new NewAccount(config.initialAdminUsername(), "Administrator", List.of(Roles.ADMIN), null,
                null, true);
        Path file = config.initialAdminPasswordFile().toAbsolutePath().normalize();
        return (secret.isPresent() ? Uni.createFrom().voidItem() : writePasswordFile(file, password))
                .chain(() -> passwords.hash(password))
                .chain(hash -> accounts.create(admin, hash, Caller.SYSTEM))
                .invoke(created -> Log.infof("created the first admin '%s'; the password must be changed at the"
                        + " first sign-in%s", created.username, secret.isPresent() ? "" : "; password in " + file))
                .replaceWith(true);
    }

    /** Owner read/write only; replaced if a file is left from an earlier, failed first start. */
    private static Uni<Void> writePasswordFile(Path file, String password) {
        return VertxContextSupport.executeBlocking(() -> {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
            return null;
        }).replaceWithVoid();
    }
}
