package org.hms.identity.user;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** Request bodies of the account administration API. Their toString never shows a password. */
public final class UserRequests {

    private UserRequests() {}

    /**
     * A new account. {@code patientId} is required for (and only for) role patient, which is
     * never combined with staff roles; the password must meet the policy and, unless
     * {@code mustChangePassword} is false, is changed by its owner at the first sign-in.
     */
    public record NewUser(
            @NotBlank @Pattern(regexp = Usernames.PATTERN, message = "must be 3 to 64 letters, digits or . _ @ -,"
                    + " starting with a letter or digit") String username,
            @NotBlank @Size(max = 200) String displayName,
            @NotNull String password,
            @NotEmpty @Size(max = 8) List<@NotBlank String> roles,
            UUID practitionerId,
            UUID patientId,
            Boolean mustChangePassword) {
        @Override
        public String toString() {
            return "NewUser[username=" + username + ", roles=" + roles + ", password=***]";
        }
    }

    /** The complete new set of roles of an account. */
    public record RoleChange(@NotEmpty @Size(max = 8) List<@NotBlank String> roles) {}

    /** A password set by an admin; by default its owner must change it at the next sign-in. */
    public record PasswordReset(@NotNull String newPassword, Boolean mustChangePassword) {
        @Override
        public String toString() {
            return "PasswordReset[newPassword=***, mustChangePassword=" + mustChangePassword + "]";
        }
    }
}
