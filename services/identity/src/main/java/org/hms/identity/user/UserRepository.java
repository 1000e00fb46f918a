package org.hms.identity.user;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Accounts in PostgreSQL. */
@ApplicationScoped
@WithSession
public class UserRepository implements PanacheRepositoryBase<UserAccount, UUID> {

    /** Serialises the first-start check across replicas starting together. */
    private static final long BOOTSTRAP_LOCK = 0x6964_5f61_646d_696eL; // "id_admin"

    public Uni<UserAccount> findByUsername(String username) {
        return find("username", username).firstResult();
    }

    /** The accounts of a patient (usually one). */
    public Uni<List<UserAccount>> findByPatient(UUID patientId) {
        return list("patientId", Sort.by("username"), patientId);
    }

    /**
     * Stamps a sign-in, and stores a re-made hash of the same password when the configured
     * cost changed. Neither is a change of the account: the version (ETag) stays.
     */
    public Uni<Void> signedIn(UUID id, String rehashed) {
        Parameters params = Parameters.with("id", id).and("now", Instant.now());
        if (rehashed == null) {
            return update("lastLoginAt = :now where id = :id", params).replaceWithVoid();
        }
        return update("lastLoginAt = :now, passwordHash = :hash where id = :id", params.and("hash", rehashed))
                .replaceWithVoid();
    }

    /** One page of accounts matching the filters (all optional), by username; and how many match in all. */
    public Uni<Matches> search(UserSearch search) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (search.username() != null) {
            where.add("username like :username escape '\\'");
            params.and("username", likePrefix(search.username()));
        }
        if (search.role() != null) {
            where.add("array_contains(roles, :role)");
            params.and("role", search.role());
        }
        if (search.enabled() != null) {
            where.add("enabled = :enabled");
            params.and("enabled", search.enabled());
        }
        String query = String.join(" and ", where);
        var found = find(query, Sort.by("username"), params);
        return found.page(search.page(), search.size())
                .list()
                .chain(page -> found.count().map(total -> new Matches(page, total)));
    }

    /** A page of accounts and the number of matches in all. */
    public record Matches(List<UserAccount> users, long total) {}

    /** Takes the first-start lock until the transaction ends. */
    public Uni<Void> lockBootstrap() {
        return getSession()
                .chain(s -> s.createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1)) l", Integer.class)
                        .setParameter(1, BOOTSTRAP_LOCK)
                        .getSingleResult())
                .replaceWithVoid();
    }

    private static String likePrefix(String text) {
        return text.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
