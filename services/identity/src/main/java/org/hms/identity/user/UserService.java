package org.hms.identity.user;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
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
import org.hms.identity.patient.PatientDirectory;
import org.hms.identity.patient.PatientStatus;
import org.hms.identity.password.Passwords;
import org.hms.identity.user.UserAccount.NewAccount;
import org.hms.identity.user.UserRequests.NewUser;
import org.hms.identity.user.UserRequests.PasswordReset;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.hms.platform.events.Outbox;
import org.hms.platform.problem.Problem;
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
    /** A patient account moved to the survivor of a merge of patient records. */
    static final String PATIENT_RELINK = "user-patient-relink";
    /** Reading accounts: audited by the filter like every call of the admin surface. */
    static final String LIST = "user-list";
    static final String READ = "user-read";

    private final UserRepository users;
    private final SessionRepository sessions;
    private final AccountRules rules;
    private final Passwords passwords;
    private final Outbox outbox;
    private final Audit audit;
    private final PatientDirectory patients;
    private final JsonWebToken token;

    public UserService(
            UserRepository users,
            SessionRepository sessions,
            AccountRules rules,
            Passwords passwords,
            Outbox outbox,
            Audit audit,
            PatientDirectory patients,
            JsonWebToken token) {
        this.users = users;
        this.sessions = sessions;
        this.rules = rules;
        this.passwords = passwords;
        this.outbox = outbox;
        this.audit = audit;
        this.patients = patients;
        this.token = token;
    }

    /**
     * Creates an account. A patient's account is linked only to a patient the patients service
     * confirms, right now, as active (a patient registered a moment ago counts); while it
     * cannot be asked, nothing is created and the admin gets a 503 problem with Retry-After.
     */
    @WithSpan
    public Uni<UserResponse> create(NewUser request, Caller caller) {
        NewAccount account = rules.check(request);
        return requireActivePatient(account)
                .chain(() -> Panache.withSession(() -> users.findByUsername(account.username())))
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
    @WithTransaction
    public Uni<UserAccount> create(NewAccount account, String passwordHash, Caller caller) {
        return Uni.createFrom()
                .item(() -> UserAccount.create(UUID.randomUUID(), account, passwordHash))
                .call(users::persistAndFlush)
                .call(u -> outbox.add(new UserCreated(u.id, u.username, u.displayName, u.roleList(),
                        u.practitionerId, u.patientId, u.enabled, u.version)))
                .call(u -> audit.record(caller.audit(CREATE, u.id, 201)))
                .onFailure(UserService::isUniqueViolation)
                .transform(failure -> usernameTaken(account.username()));
    }

    /**
     * A patient's personal data was erased: their enabled accounts are disabled, their sessions
     * end, and each change publishes {@code UserDisabled} and an audit event. Runs in the
     * caller's transaction (the patient view's, which records the event as processed).
     */
    public Uni<Void> disablePatientAccounts(UUID patientId) {
        return users.findByPatient(patientId).chain(accounts -> each(accounts, user -> {
            if (!user.enabled) {
                return Uni.createFrom().voidItem();
            }
            user.disable();
            return flush()
                    .chain(() -> sessions.revokeAllOf(user.id, "patient-erased"))
                    .chain(() -> outbox.add(new UserDisabled(user.id, user.username, user.version)))
                    .chain(() -> audit.record(Caller.SYSTEM.audit(DISABLE, user.id, 200)));
        }));
    }

    /**
     * A patient record was merged into a survivor: accounts of the retired record now belong
     * to the survivor (their next token carries the survivor's id). Runs in the caller's transaction.
     */
    public Uni<Void> followMerge(UUID retiredPatientId, UUID survivorId) {
        return users.findByPatient(retiredPatientId).chain(accounts -> each(accounts, user -> {
            user.linkToPatient(survivorId);
            return flush().chain(() -> audit.record(Caller.SYSTEM.audit(PATIENT_RELINK, user.id, 200)));
        }));
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
    @WithTransaction
    Uni<UserResponse> change(UUID id, long expectedVersion, Caller caller, String action,
            Consumer<UserAccount> change, Function<UserAccount, Uni<?>> effects) {
        return find(id)
                .invoke(user -> Versions.requireCurrent(expectedVersion, user.version))
                .invoke(change)
                .call(user -> flush())
                .call(effects)
                .call(user -> audit.record(caller.audit(action, user.id, 200)))
                .map(UserResponse::of);
    }

    private Uni<Void> requireActivePatient(NewAccount account) {
        if (account.patientId() == null) {
            return Uni.createFrom().voidItem();
        }
        return patients.status(account.patientId(), token.getRawToken())
                .invoke(UserService::requireActive)
                .replaceWithVoid();
    }

    private static void requireActive(PatientStatus status) {
        switch (status) {
            case PatientStatus.Active active -> {}
            case PatientStatus.Unknown unknown -> throw ProblemException.badRequest("patientId", "is not a registered"
                    + " patient");
            case PatientStatus.Merged merged -> throw ProblemException.badRequest("patientId", "was merged into"
                    + " patient " + merged.survivorId() + ": link the account to that patient");
            case PatientStatus.Erased erased -> throw ProblemException.badRequest("patientId", "is a patient whose"
                    + " personal data was erased");
            case PatientStatus.Unavailable unavailable -> throw new ProblemException(Problem.unavailable(
                            "patients", "cannot confirm the patient right now; nothing was created, try again later"),
                    Map.of("Retry-After", String.valueOf(unavailable.retryAfterSeconds())));
        }
    }

    /** Changes of several accounts, one after another on the one session. */
    private static Uni<Void> each(List<UserAccount> accounts, Function<UserAccount, Uni<?>> change) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (UserAccount account : accounts) {
            all = all.chain(() -> change.apply(account)).replaceWithVoid();
        }
        return all;
    }

    private static Uni<Void> flush() {
        return Panache.getSession().chain(s -> s.flush());
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
