package org.hms.identity.user;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.hms.identity.password.PasswordPolicy;
import org.hms.identity.user.UserAccount.NewAccount;
import org.hms.identity.user.UserRequests.NewUser;
import org.hms.identity.web.Invalid;
import org.hms.platform.security.Roles;

/**
 * What an account may be: roles from the platform's role set; role patient only with the
 * patient's id and never beside a staff role (a member of staff who is also a patient has two
 * accounts); a password that meets the policy.
 */
@ApplicationScoped
public class AccountRules {

    /** Every role an account may hold. */
    public static final Set<String> ROLES;

    static {
        Set<String> all = new TreeSet<>(Roles.STAFF);
        all.add(Roles.PATIENT);
        ROLES = Set.copyOf(all);
    }

    private final PasswordPolicy policy;

    public AccountRules(PasswordPolicy policy) {
        this.policy = policy;
    }

    /** The account to create, normalised; a 400 problem naming every invalid field otherwise. */
    NewAccount check(NewUser request) {
        Invalid invalid = new Invalid();
        String username = Usernames.normalize(request.username());
        List<String> roles = roles(request.roles(), request.patientId(), invalid);
        if (request.patientId() != null && !roles.contains(Roles.PATIENT)) {
            invalid.add("patientId", "is only for an account with role patient");
        }
        invalid.addAll("password", policy.violations(request.password(), username));
        invalid.throwIfAny();
        return new NewAccount(username, request.displayName().strip(), roles, request.practitionerId(),
                request.patientId(), request.mustChangePassword() == null || request.mustChangePassword());
    }

    /** The new roles of an existing account (with its patient id, if any). */
    List<String> checkRoles(List<String> requested, UUID patientId) {
        Invalid invalid = new Invalid();
        List<String> roles = roles(requested, patientId, invalid);
        if (patientId != null && !roles.contains(Roles.PATIENT)) {
            invalid.add("roles", "a patient's account keeps role patient: create a staff account instead");
        }
        invalid.throwIfAny();
        return roles;
    }

    /** A password an admin sets for {@code username}. */
    void checkPassword(String field, String password, String username) {
        policy.require(field, password, username);
    }

    public static boolean isRole(String role) {
        return ROLES.contains(role);
    }

    private static List<String> roles(List<String> requested, UUID patientId, Invalid invalid) {
        Set<String> roles = new LinkedHashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String role = requested.get(i).strip();
            if (isRole(role)) {
                roles.add(role);
            } else {
                invalid.add("roles[" + i + "]", "is not a role: one of " + String.join(", ", new TreeSet<>(ROLES)));
            }
        }
        if (roles.contains(Roles.PATIENT)) {
            if (roles.size() > 1) {
                invalid.add("roles", "patient cannot be combined with staff roles: staff who are patients have"
                        + " a second account");
            }
            if (patientId == null) {
                invalid.add("patientId", "is required for role patient");
            }
        }
        return new ArrayList<>(roles);
    }
}
