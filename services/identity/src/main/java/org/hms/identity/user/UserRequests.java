package org.hms.identity.user;

import static org.hms.identity.password.PasswordPolicy.DEFAULT_MIN_LENGTH;
import static org.hms.identity.password.PasswordPolicy.RULES;
import static org.hms.identity.password.Passwords.MAX_BYTES;
import static org.hms.platform.security.Roles.ADMIN;
import static org.hms.platform.security.Roles.BILLING_CLERK;
import static org.hms.platform.security.Roles.LAB_TECHNICIAN;
import static org.hms.platform.security.Roles.NURSE;
import static org.hms.platform.security.Roles.PATIENT;
import static org.hms.platform.security.Roles.PHARMACIST;
import static org.hms.platform.security.Roles.PHYSICIAN;
import static org.hms.platform.security.Roles.RECEPTIONIST;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the account administration API. Their toString never shows a password. */
public final class UserRequests {

    private UserRequests() {}

    /** A role an account may hold, as the OpenAPI document lists them ({@link AccountRules#ROLES}). */
    @Schema(name = "Role", type = SchemaType.STRING, enumeration = {ADMIN, BILLING_CLERK, LAB_TECHNICIAN, NURSE,
            PATIENT, PHARMACIST, PHYSICIAN, RECEPTIONIST})
    static final class RoleName {
        private RoleName() {}
    }

    /**
     * A new account. {@code patientId} is required for (and only for) role patient, which is
     * never combined with staff roles; the password must meet the policy and, unless
     * {@code mustChangePassword} is false, is changed by its owner at the first sign-in.
     */
    public record NewUser(
            @NotBlank @Pattern(regexp = Usernames.PATTERN, message = "must be 3 to 64 letters, digits or . _ @ -,"
                    + " starting with a letter or digit") String username,
            @NotBlank @Size(max = 200) String displayName,
            @NotNull @Schema(minLength = DEFAULT_MIN_LENGTH, maxLength = MAX_BYTES, description = RULES) String password,
            @NotEmpty @Size(max = 8) @Schema(type = SchemaType.ARRAY, implementation = RoleName.class) List<@NotBlank String> roles,
            UUID practitionerId,
            UUID patientId,
            Boolean mustChangePassword) {
        @Override
        public String toString() {
            return "NewUser[username=" + username + ", roles=" + roles + ", password=***]";
        }
    }

    /** The complete new set of roles of an account. */
    public record RoleChange(@NotEmpty @Size(max = 8) @Schema(type = SchemaType.ARRAY, implementation = RoleName.class) List<@NotBlank String> roles) {}

    /** A password set by an admin; by default its owner must change it at the next sign-in. */
    public record PasswordReset(
            @NotNull @Schema(minLength = DEFAULT_MIN_LENGTH, maxLength = MAX_BYTES, description = RULES) String newPassword,
            Boolean mustChangePassword) {
        @Override
        public String toString() {
            return "PasswordReset[newPassword=***, mustChangePassword=" + mustChangePassword + "]";
        }
    }
}
