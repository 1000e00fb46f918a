package org.hms.identity.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hms.platform.security.Roles;

/** An account: who may sign in, with which roles. Never serialised to clients: see {@link UserResponse}. */
@Entity
@Table(name = "app_user")
public class UserAccount {

    @Id
    public UUID id;

    public String username;

    @Column(name = "display_name")
    public String displayName;

    @Column(columnDefinition = "text[]")
    public String[] roles;

    @Column(name = "practitioner_id")
    public UUID practitionerId;

    @Column(name = "patient_id")
    public UUID patientId;

    public boolean enabled = true;

    @Column(name = "password_hash")
    public String passwordHash;

    @Column(name = "must_change_password")
    public boolean mustChangePassword;

    @Column(name = "password_changed_at")
    public Instant passwordChangedAt;

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "last_login_at")
    public Instant lastLoginAt;

    static UserAccount create(UUID id, NewAccount account, String passwordHash) {
        UserAccount user = new UserAccount();
        user.id = id;
        user.username = account.username();
        user.displayName = account.displayName();
        user.roles = account.roles().toArray(String[]::new);
        user.practitionerId = account.practitionerId();
        user.patientId = account.patientId();
        user.passwordHash = passwordHash;
        user.mustChangePassword = account.mustChangePassword();
        user.createdAt = Instant.now();
        user.updatedAt = user.createdAt;
        user.passwordChangedAt = user.createdAt;
        return user;
    }

    /** What an account is created with, checked and normalised (lower-case username, known roles). */
    public record NewAccount(
            String username,
            String displayName,
            List<String> roles,
            UUID practitionerId,
            UUID patientId,
            boolean mustChangePassword) {}

    public List<String> roleList() {
        return List.of(roles);
    }

    public boolean isPatient() {
        return Arrays.asList(roles).contains(Roles.PATIENT);
    }

    void replaceRoles(List<String> newRoles) {
        roles = newRoles.toArray(String[]::new);
        updatedAt = Instant.now();
    }

    void disable() {
        enabled = false;
        updatedAt = Instant.now();
    }

    /** The patient record this account belonged to was merged into {@code survivorId}. */
    void linkToPatient(UUID survivorId) {
        patientId = survivorId;
        updatedAt = Instant.now();
    }

    void enable() {
        enabled = true;
        updatedAt = Instant.now();
    }

    /** A new password, set by its owner ({@code mustChange} false) or reset by an admin. */
    public void changePassword(String hash, boolean mustChange) {
        passwordHash = hash;
        mustChangePassword = mustChange;
        passwordChangedAt = Instant.now();
        updatedAt = passwordChangedAt;
    }
}
