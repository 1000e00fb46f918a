package org.hms.identity.auth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hms.identity.audit.Caller;
import org.hms.platform.audit.Audit;
import org.hms.identity.config.IdentityConfig;
import org.hms.identity.password.PasswordPolicy;
import org.hms.identity.password.Passwords;
import org.hms.identity.user.UserAccount;
import org.hms.identity.user.UserRepository;
import org.hms.identity.user.Usernames;
import org.hms.platform.problem.ProblemException;

/**
 * Sign-in and sessions: checks a password (with lockout), starts a session with a refresh token,
 * rotates the refresh token on every refresh (a replaced token presented again revokes its whole
 * family: someone else holds a copy), ends sessions, and lets an account change its password.
 * Every attempt, allowed or refused, is an audit event.
 */
@ApplicationScoped
public class AuthService {

    static final String LOGIN = "login";
    static final String REFRESH = "refresh";
    static final String LOGOUT = "logout";
    static final String PASSWORD_CHANGE = "password-change";

    private final UserRepository users;
    private final SessionRepository sessions;
    private final RefreshTokenRepository tokens;
    private final Passwords passwords;
    private final PasswordPolicy policy;
    private final LoginAttempts attempts;
    private final AccessTokens accessTokens;
    private final Audit audit;
    private final IdentityConfig.Token config;
    private final MeterRegistry registry;
    private final Counter lockouts;
    private final Counter reuses;

    public AuthService(
            UserRepository users,
            SessionRepository sessions,
            RefreshTokenRepository tokens,
            Passwords passwords,
            PasswordPolicy policy,
            LoginAttempts attempts,
            AccessTokens accessTokens,
            Audit audit,
            IdentityConfig config,
            MeterRegistry registry) {
        this.users = users;
        this.sessions = sessions;
        this.tokens = tokens;
        this.passwords = passwords;
        this.policy = policy;
        this.attempts = attempts;
        this.accessTokens = accessTokens;
        this.audit = audit;
        this.config = config.token();
        this.registry = registry;
        this.lockouts = registry.counter("hms.identity.lockouts");
        this.reuses = registry.counter("hms.identity.refresh.reuse");
    }

    /** The password grant: tokens for the right password of an enabled account that need not change it. */
    @WithSpan
    public Uni<TokenResponse> signIn(String username, String password, Caller caller) {
        String name = Usernames.normalize(username);
        Caller who = caller.as(name, List.of());
        return checkPassword(name, password, who, LOGIN).chain(user -> user.mustChangePassword
                ? refuse(who.as(user.username, user.roleList()), LOGIN, user.id,
                        AuthProblems.passwordChangeRequired(), "password-change-required")
                : startSession(user, password, who.as(user.username, user.roleList())));
    }

    /** Exchanges a refresh token for new tokens; the presented one can never be used again. */
    @WithSpan
    public Uni<TokenResponse> refresh(String refreshToken, Caller caller) {
        return Panache.withTransaction(() -> tokens.lockByToken(refreshToken)
                        .chain(found -> found == null ? unknownToken(caller, REFRESH) : rotate(found, caller)))
                .onItem()
                .ifNull()
                .failWith(AuthProblems::invalidRefreshToken)
                .map(rotated -> tokenResponse(rotated.user(), rotated.next()));
    }

    /** Ends the session the refresh token belongs to. An unknown token changes nothing and is no error. */
    @WithSpan
    @WithTransaction
    public Uni<Void> logout(String refreshToken, Caller caller) {
        return tokens.findByToken(refreshToken)
                .chain(found -> found == null
                        ? Uni.createFrom().voidItem()
                        : sessions.findById(found.familyId).chain(family -> users.findById(family.userId)
                                .chain(user -> {
                                    family.revoke("logout");
                                    return audit.record(caller.as(user.username, user.roleList())
                                            .audit(LOGOUT, user.id, 204));
                                })));
    }

    /**
     * An account changes its own password, proving it knows the current one (so this works
     * when a change is forced and no token is issued). Ends every session of the account.
     */
    @WithSpan
    public Uni<Void> changePassword(String username, String currentPassword, String newPassword, Caller caller) {
        String name = Usernames.normalize(username);
        policy.require("newPassword", newPassword, name);
        Caller who = caller.as(name, List.of());
        return checkPassword(name, currentPassword, who, PASSWORD_CHANGE)
                .call(user -> passwords.matches(newPassword, user.passwordHash).invoke(same -> {
                    if (same) {
                        throw ProblemException.badRequest("newPassword", "must differ from the current password");
                    }
                }))
                .chain(user -> passwords.hash(newPassword).chain(hash -> storeNewPassword(user.id, hash, who)));
    }

    /** The password change's transaction: the new hash, the end of every session, the audit event. */
    @WithTransaction
    Uni<Void> storeNewPassword(UUID userId, String hash, Caller who) {
        return users.findById(userId)
                .invoke(u -> u.changePassword(hash, false))
                .call(u -> sessions.revokeAllOf(u.id, "password-changed"))
                .call(u -> audit.record(who.as(u.username, u.roleList()).audit(PASSWORD_CHANGE, u.id, 204)))
                .replaceWithVoid();
    }

    /** Ended sessions are kept a day (reuse of their tokens is refused as expired meanwhile), then dropped. */
    @Scheduled(identity = "hms-identity-session-purge", every = "1h", delayed = "5m")
    @WithTransaction
    Uni<Void> purgeEndedSessions() {
        return sessions.purgeEnded(Duration.ofDays(1))
                .invoke(purged -> Log.debugf("purged %d ended sessions", purged))
                .replaceWithVoid();
    }

    /** The enabled account whose password this is; any refusal is counted, audited and thrown. */
    private Uni<UserAccount> checkPassword(String name, String password, Caller who, String action) {
        return attempts.lockedFor(name).chain(locked -> locked != null
                ? refuse(who, action, null, AuthProblems.locked(locked), "locked")
                : Panache.withSession(() -> users.findByUsername(name))
                        .chain(user -> passwords.matches(password, user == null ? null : user.passwordHash)
                                .chain(right -> right
                                        ? rightPassword(user, who, action)
                                        : wrongPassword(name, user, who, action))));
    }

    private Uni<UserAccount> rightPassword(UserAccount user, Caller who, String action) {
        if (!user.enabled) {
            return refuse(who.as(user.username, user.roleList()), action, user.id, AuthProblems.disabled(),
                    "disabled");
        }
        return attempts.succeeded(user.username).replaceWith(user);
    }

    private Uni<UserAccount> wrongPassword(String name, UserAccount user, Caller who, String action) {
        return attempts.failed(name)
                .invoke(locked -> {
                    if (locked) {
                        lockouts.increment();
                        Log.info("sign-in locked for a username after repeated failures");
                    }
                })
                .chain(() -> refuse(who, action, user == null ? null : user.id, AuthProblems.invalidCredentials(),
                        "invalid-credentials"));
    }

    /** Audits a refused attempt, counts it, and fails with the problem once the audit event is durable. */
    private <T> Uni<T> refuse(Caller who, String action, UUID userId, ProblemException problem, String outcome) {
        if (LOGIN.equals(action)) {
            logins(outcome).increment();
        }
        return audit.recordAlone(who.audit(action, userId, problem.problem().getStatus()))
                .chain(() -> Uni.createFrom().failure(problem));
    }

    private Uni<TokenResponse> startSession(UserAccount user, String password, Caller who) {
        Uni<String> rehash = passwords.outdated(user.passwordHash)
                ? passwords.hash(password)
                : Uni.createFrom().nullItem();
        return rehash.chain(hash -> Panache.withTransaction(() -> users.signedIn(user.id, hash)
                        .chain(() -> newSession(user.id))
                        .call(() -> audit.record(who.audit(LOGIN, user.id, 200)))))
                .invoke(() -> logins("success").increment())
                .map(refresh -> tokenResponse(user, refresh));
    }

    private Uni<RefreshToken.Issued> newSession(UUID userId) {
        Instant now = Instant.now();
        TokenFamily family = TokenFamily.start(userId, now, now.plus(config.sessionLifespan()));
        RefreshToken.Issued issued = RefreshToken.issue(family, now, now.plus(config.refreshLifespan()));
        return sessions.persistAndFlush(family).chain(() -> tokens.persist(issued.stored())).replaceWith(issued);
    }

    /** The next token of the family, or null (refused) once the refusal and any revocation are recorded. */
    private Uni<Rotated> rotate(RefreshToken presented, Caller caller) {
        return sessions.findById(presented.familyId).chain(family -> users.findById(family.userId).chain(user -> {
            Caller who = caller.as(user.username, user.roleList());
            Instant now = Instant.now();
            String refusal = refusal(presented, family, user, now);
            if (refusal == null) {
                presented.usedAt = now;
                RefreshToken.Issued next = RefreshToken.issue(family, now, now.plus(config.refreshLifespan()));
                return tokens.persist(next.stored())
                        .call(() -> audit.record(who.audit(REFRESH, user.id, 200)))
                        .replaceWith(new Rotated(user, next));
            }
            if ("reuse-detected".equals(refusal)) {
                reuses.increment();
                Log.warnf("a replaced refresh token was presented again: session %s of user %s revoked",
                        family.id, user.id);
            }
            if (!"revoked".equals(refusal) && !"expired".equals(refusal)) {
                family.revoke(refusal);
            }
            return audit.record(who.audit(REFRESH, user.id, 401)).replaceWith((Rotated) null);
        }));
    }

    /** Why a presented refresh token is refused, or null when it may be exchanged. */
    private static String refusal(RefreshToken presented, TokenFamily family, UserAccount user, Instant now) {
        if (family.isRevoked()) {
            return "revoked";
        }
        if (presented.isUsed()) {
            return "reuse-detected";
        }
        if (presented.isExpired(now) || !family.expiresAt.isAfter(now)) {
            return "expired";
        }
        if (!user.enabled) {
            return "disabled";
        }
        return user.mustChangePassword ? "password-change-required" : null;
    }

    private Uni<Rotated> unknownToken(Caller caller, String action) {
        return audit.record(caller.audit(action, null, 401)).replaceWith((Rotated) null);
    }

    private TokenResponse tokenResponse(UserAccount user, RefreshToken.Issued refresh) {
        return TokenResponse.bearer(accessTokens.issue(user, refresh.stored().familyId),
                accessTokens.lifespanSeconds(), refresh.token());
    }

    private Counter logins(String outcome) {
        return registry.counter("hms.identity.logins", "outcome", outcome);
    }

    private record Rotated(UserAccount user, RefreshToken.Issued next) {}
}
