package org.hms.identity.user;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hms.contracts.identity.UserCreated;
import org.hms.contracts.identity.UserDisabled;
import org.hms.contracts.identity.UserEnabled;
import org.hms.contracts.identity.UserRolesChanged;
import org.hms.identity.audit.Caller;
import org.hms.platform.audit.Audit;
import org.hms.identity.auth.SessionRepository;
import org.hms.identity.password.Passwords;
import org.hms.identity.user.UserAccount.NewAccount;
import org.hms.identity.user.UserRequests.NewUser;
import org.hms.identity.user.UserRequests.PasswordReset;
import org.hms.platform.events.Outbox;
import org.hms.platform.problem.ProblemException;
import org.hms.platform.security.Roles;
import org.hms.platform.web.Page;
import org.hms.platform.web.Versions;

/**
 * Account administration: create, disable, enable, reset a password, change roles. Each change,
 * its account event (hms.identity) and its audit event (hms.audit) commit in one transaction.
 * Disabling an account or resetting its password ends its sessions.
 */
@ApplicationScoped
public class UserService {

    static final String CREATE = "user-create";
    static final String ROLES_CHANGE = "user-roles-change";
    static final String DISABLE = "user-disable";
    static final String ENABLE = "user-enable";
    static final String PASSWORD_RESET = "user-password-reset";
    /** Reading accounts: audited by the filter like every call of the admin surface. */
    static final String LIST = "user-list";
    static final String READ = "user-read";

    private final UserRepository users;
    private final SessionRepository sessions;
    private final AccountRules rules;
    private final Passwords passwords;
    private final Outbox outbox;
    private final Audit audit;

    public UserService(
            UserRepository users,
            SessionRepository sessions,
            AccountRules rules,
            Passwords passwords,
            Outbox outbox,
            Audit audit) {
        this.users = users;
        this.sessions = sessions;
        this.rules = rules;
        this.passwords = passwords;
        this.outbox = outbox;
        this.audit = audit;
    }

    @WithSpan
    public Uni<UserResponse> create(NewUser request, Caller caller) {
        NewAccount account = rules.check(request);
        return Panache.withSession(() -> users.findByUsername(account.username()))
                .invoke(existing -> {
                    if (existing != null) {
                        throw usernameTaken(account.username());
                    }
                })
                .chain(() -> passwords.hash(request.password()))
                .chain(hash -> create(account, hash, caller))
                .map(UserResponse::of);
    }

    /** Creates an account with an already hashed password (the first admin's path too). */
    public Uni<UserAccount> create(NewAccount account, String passwordHash, Caller caller) {
        return Panache.withTransaction(() -> Uni.createFrom()
                        .item(() -> UserAccount.create(UUID.randomUUID(), account, passwordHash))
                        .call(users::persistAndFlush)
                        .call(u -> outbox.add(new UserCreated(u.id, u.username, u.displayName, u.roleList(),
                                u.practitionerId, u.patientId, u.enabled, u.version)))
                        .call(u -> audit.record(caller.audit(CREATE, u.id, 201))))
                .onFailure(UserService::isUniqueViolation)
                .transform(failure -> usernameTaken(account.username()));
    }

    @WithSpan
    public Uni<UserResponse> read(UUID id) {
        return Panache.withSession(() -> find(id)).map(UserResponse::of);
    }

    @WithSpan
    public Uni<Page<UserResponse>> search(UserSearch search) {
        return users.search(search)
                .map(found -> new Page<>(found.users().stream().map(UserResponse::of).toList(), search.page(),
                        search.size(), found.total()));
    }

    @WithSpan
    public Uni<UserResponse> disable(UUID id, long expectedVersion, Caller caller) {
        return change(id, expectedVersion, caller, DISABLE, user -> {
            refuseOwnAccount(user, caller, "disable your own account");
            user.disable();
        }, user -> sessions.revokeAllOf(user.id, "disabled")
                .chain(() -> outbox.add(new UserDisabled(user.id, user.username, user.version))));
    }

    @WithSpan
    public Uni<UserResponse> enable(UUID id, long expectedVersion, Caller caller) {
        return change(id, expectedVersion, caller, ENABLE, UserAccount::enable,
                user -> outbox.add(new UserEnabled(user.id, user.username, user.version)));
    }

    @WithSpan
    public Uni<UserResponse> changeRoles(UUID id, long expectedVersion, List<String> requested, Caller caller) {
        return Panache.withSession(() -> find(id)).chain(current -> {
            Versions.requireCurrent(expectedVersion, current.version);
            List<String> roles = rules.checkRoles(requested, current.patientId);
            List<String> previous = current.roleList();
            return change(id, expectedVersion, caller, ROLES_CHANGE, user -> {
                if (isOwn(user, caller) && previous.contains(Roles.ADMIN) && !roles.contains(Roles.ADMIN)) {
                    throw ProblemException.conflict("own-account", "you cannot take the admin role from your own"
                            + " account: another admin can");
                }
                user.replaceRoles(roles);
            }, user -> outbox.add(new UserRolesChanged(user.id, user.username, roles, previous, user.version)));
        });
    }

    /** An admin sets a password; by default its owner must change it at the next sign-in. */
    @WithSpan
    public Uni<UserResponse> resetPassword(UUID id, long expectedVersion, PasswordReset reset, Caller caller) {
        boolean mustChange = reset.mustChangePassword() == null || reset.mustChangePassword();
        return Panache.withSession(() -> find(id))
                .invoke(current -> Versions.requireCurrent(expectedVersion, current.version))
                .invoke(current -> rules.checkPassword("newPassword", reset.newPassword(), current.username))
                .chain(() -> passwords.hash(reset.newPassword()))
                .chain(hash -> change(id, expectedVersion, caller, PASSWORD_RESET,
                        user -> user.changePassword(hash, mustChange),
                        user -> sessions.revokeAllOf(user.id, "password-reset").replaceWithVoid()));
    }

    /**
     * One change of an account in one transaction: the version check (412 when stale), the
     * change, the flush (so events carry the new version), its effects and its audit event.
     */
    private Uni<UserResponse> change(UUID id, long expectedVersion, Caller caller, String action,
            Consumer<UserAccount> change, Function<UserAccount, Uni<?>> effects) {
        return Panache.withTransaction(() -> find(id)
                        .invoke(user -> Versions.requireCurrent(expectedVersion, user.version))
                        .invoke(change)
                        .call(user -> Panache.getSession().chain(s -> s.flush()))
                        .call(effects)
                        .call(user -> audit.record(caller.audit(action, user.id, 200))))
                .map(UserResponse::of);
    }

    private Uni<UserAccount> find(UUID id) {
        return users.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("user", id));
    }

    private static void refuseOwnAccount(UserAccount user, Caller caller, String what) {
        if (isOwn(user, caller)) {
            throw ProblemException.conflict("own-account", "you cannot " + what + ": another admin can");
        }
    }

    private static boolean isOwn(UserAccount user, Caller caller) {
        return user.username.equals(caller.actor());
    }

    private static ProblemException usernameTaken(String username) {
        return ProblemException.conflict("username-taken", "username " + username + " is already taken");
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && "23505".equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }
}
