package org.hms.identity.auth;

import static org.hms.identity.password.PasswordPolicy.DEFAULT_MIN_LENGTH;
import static org.hms.identity.password.PasswordPolicy.RULES;
import static org.hms.identity.password.Passwords.MAX_BYTES;

import com.fasterxml.jackson.annotation.JsonAlias;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the sign-in endpoints. Their toString never shows a secret. */
public final class AuthRequests {

    private AuthRequests() {}

    /** The password grant as JSON. */
    public record Credentials(@NotBlank @Size(max = 128) String username, @NotBlank @Size(max = 1024) String password) {
        @Override
        public String toString() {
            return "Credentials[username=" + username + ", password=***]";
        }
    }

    /** A refresh token to exchange or to end the session of ({@code refresh_token} is accepted too). */
    public record RefreshRequest(@NotBlank @Size(max = 256) @JsonAlias("refresh_token") String refreshToken) {
        @Override
        public String toString() {
            return "RefreshRequest[refreshToken=***]";
        }
    }

    /** An account changing its own password, proving it knows the current one. */
    public record PasswordChange(
            @NotBlank @Size(max = 128) String username,
            @NotBlank @Size(max = 1024) String currentPassword,
            @NotNull @Schema(minLength = DEFAULT_MIN_LENGTH, maxLength = MAX_BYTES, description = RULES)
                    String newPassword) {
        @Override
        public String toString() {
            return "PasswordChange[username=" + username + ", currentPassword=***, newPassword=***]";
        }
    }
}
