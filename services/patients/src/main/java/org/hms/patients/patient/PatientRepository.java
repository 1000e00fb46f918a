package org.hms.patients.patient;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hms.contracts.patients.Identifier;

/** Patients in PostgreSQL, including the trigram name search and the duplicate check. */
@ApplicationScoped
@WithSession
public class PatientRepository implements PanacheRepositoryBase<Patient, UUID> {

    /** Names at least this similar (pg_trgm, 0..1) on the same birth date count as likely duplicates. */
    static final double DUPLICATE_SIMILARITY = 0.5;

    public Uni<String> nextMrn() {
        return getSession()
                .chain(s -> s.createNativeQuery("select nextval('mrn_seq')", Long.class).getSingleResult())
                .map(MedicalRecordNumbers::format);
    }

    /**
     * Serialises registrations of one birth date until commit, so two desks registering the
     * same person at the same moment cannot both miss each other in the duplicate check.
     */
    public Uni<Void> lockBirthDate(LocalDate birthDate) {
        return getSession()
                .chain(s -> s.createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1)) l", Integer.class)
                        .setParameter(1, 0x5041_0000_0000_0000L + birthDate.toEpochDay())
                        .getSingleResult())
                .replaceWithVoid();
    }

    /**
     * Active patients sharing an identifier, or born the same day with a similar name. One
     * branch per criterion (UNION), so each is served by its own index.
     */
    public Uni<List<Patient>> likelyDuplicates(String nameText, LocalDate birthDate, List<Identifier> identifiers) {
        List<Object> params = new ArrayList<>();
        params.add(birthDate);
        params.add(nameText);
        StringBuilder branches = new StringBuilder("select id, created_at from patient where status = 'ACTIVE'"
                + " and birth_date = ?1 and similarity(search_name, hms_fold(?2)) >= " + DUPLICATE_SIMILARITY);
        for (Identifier identifier : identifiers) {
            branches.append(" union select id, created_at from patient where status = 'ACTIVE' and ")
                    .append(identifierMatches(identifier.system(), identifier.value(), params));
        }
        return list("select id from (" + branches + ") candidate order by created_at limit 10", params);
    }

    /**
     * One page of matches. A name matches as the prefix of any of its words, or — with
     * {@code fuzzy} — as a close misspelling (pg_trgm word similarity), best matches first.
     */
    public Uni<Matches> search(PatientSearch search, boolean fuzzy) {
        List<Object> params = new ArrayList<>();
        String where = where(search, fuzzy, params);
        String order = fuzzy
                ? " order by word_similarity(hms_fold(?1), search_name) desc, name_text, id"
                : " order by name_text, id";
        params.add(search.size());
        params.add(search.page() * search.size());
        // the total comes with the page (a window count): one scan of the matches, not two
        String sql = "select id, count(*) over () from patient" + where + order + " limit ?" + (params.size() - 1)
                + " offset ?" + params.size();
        return getSession()
                .chain(s -> {
                    Mutiny.SelectionQuery<Object[]> query = s.createNativeQuery(sql, Object[].class);
                    bind(query, params);
                    return query.getResultList();
                })
                .chain(rows -> rows.isEmpty() ? beyondTheLastPage(search, fuzzy) : matches(rows));
    }

    /** A page of search results and the number of matches in all. */
    public record Matches(List<Patient> patients, long total) {}

    private Uni<Matches> matches(List<Object[]> rows) {
        List<UUID> ids = rows.stream().map(row -> (UUID) row[0]).toList();
        long total = ((Number) rows.get(0)[1]).longValue();
        return inOrder(ids).map(found -> new Matches(found, total));
    }

    /** An empty page says no total by itself: count, unless it is the first page. */
    private Uni<Matches> beyondTheLastPage(PatientSearch search, boolean fuzzy) {
        if (search.page() == 0) {
            return Uni.createFrom().item(new Matches(List.of(), 0));
        }
        List<Object> params = new ArrayList<>();
        String sql = "select count(*) from patient" + where(search, fuzzy, params);
        return getSession()
                .chain(s -> {
                    Mutiny.SelectionQuery<Long> query = s.createNativeQuery(sql, Long.class);
                    bind(query, params);
                    return query.getSingleResult();
                })
                .map(total -> new Matches(List.of(), total));
    }

    /** Records that were merged into {@code survivor}. */
    public Uni<List<Patient>> mergedInto(UUID survivor) {
        return list("mergedInto = ?1", survivor);
    }

    /**
     * Patients holding an identifier with this value (and system, when given). The value
     * lookup uses the patient_identifier_values index; JSON patterns are cast via text, as the
     * PG client would otherwise encode the Java string as a JSON string.
     */
    private static String identifierMatches(String system, String value, List<Object> params) {
        params.add("[" + PatientSearch.jsonString(value) + "]");
        String match = "jsonb_path_query_array(identifiers, '$.items[*].value') @> cast(cast(?" + params.size()
                + " as text) as jsonb)";
        if (system == null) {
            return match;
        }
        params.add(Identifiers.containing("{\"system\":" + PatientSearch.jsonString(system) + ",\"value\":"
                + PatientSearch.jsonString(value) + "}"));
        return "(" + match + " and identifiers @> cast(cast(?" + params.size() + " as text) as jsonb))";
    }

    private static String where(PatientSearch search, boolean fuzzy, List<Object> params) {
        StringBuilder where = new StringBuilder(" where status = 'ACTIVE'");
        if (search.name() != null && fuzzy) {
            params.add(search.name()); // ?1: the order by refers to it
            where.append(" and hms_fold(?1) <% search_name");
        } else if (search.name() != null) {
            params.add(search.nameForLike());
            where.append(" and (search_name like hms_fold(?1) || '%' or search_name like '% ' || hms_fold(?1) || '%')");
        }
        if (search.birthDate() != null) {
            params.add(search.birthDate());
            where.append(" and birth_date = ?").append(params.size());
        }
        if (search.identifier() != null) {
            where.append(" and (").append(identifierMatches(search.identifierSystem(), search.identifierValue(), params));
            params.add(search.identifierValue());
            where.append(" or mrn = ?").append(params.size()).append(')');
        }
        if (search.phone() != null) {
            params.add(search.phoneDigits());
            where.append(" and right(phone_digits, 9) = right(?").append(params.size()).append(", 9)");
        }
        return where.toString();
    }

    /** Runs a native query selecting ids, then loads those patients in the query's order. */
    private Uni<List<Patient>> list(String sql, List<Object> params) {
        return getSession()
                .chain(s -> {
                    Mutiny.SelectionQuery<UUID> query = s.createNativeQuery(sql, UUID.class);
                    bind(query, params);
                    return query.getResultList();
                })
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Patient>of()) : inOrder(ids));
    }

    private Uni<List<Patient>> inOrder(List<UUID> ids) {
        return list("id in ?1", ids).map(found -> {
            Map<UUID, Patient> byId = found.stream().collect(Collectors.toMap(p -> p.id, p -> p));
            return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
        });
    }

    private static void bind(Mutiny.SelectionQuery<?> query, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
    }
}
