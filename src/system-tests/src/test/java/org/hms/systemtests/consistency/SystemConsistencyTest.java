package org.hms.systemtests.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.hms.contracts.EventCatalog;
import org.hms.contracts.Topics;
import org.hms.contracts.system.ServiceEntry;
import org.hms.contracts.system.SystemDescriptor;
import org.hms.contracts.system.TopicEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository agrees with its system descriptor ({@code hms.yaml}): modules, ports, databases,
 * topics, producers, the authorisation matrix and the gateway's configuration. No service runs
 * here; each check is also shown failing, against a changed descriptor or a changed copy of the
 * repository's files.
 */
class SystemConsistencyTest {

    private static final Path ROOT =
            Path.of(System.getProperty("hms.root", "../..")).toAbsolutePath().normalize();
    private static SystemDescriptor system;

    @TempDir
    Path copy;

    @BeforeAll
    static void readDescriptor() {
        system = SystemDescriptor.load(ROOT.resolve(SystemDescriptor.RESOURCE));
    }

    @Test
    void theRepositoryAgreesWithItsDescriptor() {
        List<String> problems = check(ROOT, system).problems();

        assertThat(problems).as("the repository disagrees with hms.yaml:%n  %s", String.join("\n  ", problems))
                .isEmpty();
        assertThat(SystemDescriptor.load()).as("the descriptor packaged in hms-contracts is the repository's")
                .isEqualTo(system);
    }

    @Test
    void aServiceWithoutItsModuleAndAModuleWithoutItsServiceAreNamed() {
        SystemDescriptor withLab = add(system, new ServiceEntry("lab", 8087, true, null, null,
                List.of("/api/v1/lab-orders")));
        SystemDescriptor withoutPatients = new SystemDescriptor(
                system.services().stream().filter(s -> !s.name().equals("patients")).toList(), system.topics());

        assertThat(check(ROOT, withLab).modules()).containsExactly(
                "lab: no module services/lab in the root pom.xml's <modules>", "lab: no services/lab/pom.xml");
        assertThat(check(ROOT, withLab).serviceProperties())
                .containsExactly("lab: no services/lab/src/main/resources/application.properties");
        assertThat(check(ROOT, withoutPatients).modules())
                .containsExactly("services/patients is a service module, but hms.yaml has no service patients");
    }

    @Test
    void aModuleMissingFromTheBuildIsNamed() {
        Path repo = copyOfRepository();
        edit(repo.resolve("pom.xml"), pom -> pom.replace("<module>services/identity</module>", ""));
        edit(repo.resolve("src/system-tests/pom.xml"),
                pom -> pom.replace("<artifactId>hms-patients</artifactId>", "<artifactId>hms-elsewhere</artifactId>"));

        assertThat(check(repo, system).modules()).containsExactlyInAnyOrder(
                "identity: no module services/identity in the root pom.xml's <modules>",
                "patients: src/system-tests/pom.xml does not depend on hms-patients (type pom), so"
                        + " `-pl src/system-tests -am` would not build its jar first");
    }

    @Test
    void aPortOrApplicationNameOtherThanTheDescriptorsIsNamed() {
        Path repo = copyOfRepository();
        edit(repo.resolve("services/patients/src/main/resources/application.properties"),
                p -> p.replace("quarkus.application.name=patients", "quarkus.application.name=mpi"));
        int port = system.requireService("identity").port();
        SystemDescriptor moved = change(system, "identity", s -> new ServiceEntry(s.name(), port + 50, s.database(),
                s.publishes(), s.consumes(), s.routes()));

        assertThat(check(repo, moved).serviceProperties()).containsExactlyInAnyOrder(
                "identity: services/identity/src/main/resources/application.properties has quarkus.http.port="
                        + port + ", hms.yaml says " + (port + 50),
                "patients: services/patients/src/main/resources/application.properties has"
                        + " quarkus.application.name=mpi, hms.yaml says patients");
    }

    @Test
    void aDatabaseFlagTheConfigurationContradictsIsNamed() {
        SystemDescriptor flipped = change(change(system, "gateway", s -> new ServiceEntry(s.name(), s.port(), true,
                        s.publishes(), s.consumes(), s.routes())),
                "patients", s -> new ServiceEntry(s.name(), s.port(), false, s.publishes(), s.consumes(), s.routes()));
        String gatewayFile = "gateway: services/gateway/src/main/resources/application.properties ";

        List<String> problems = check(ROOT, flipped).databases();

        assertThat(problems).contains(
                gatewayFile + "quarkus.datasource.reactive.url must name hms_gateway (hms.yaml says database: true),"
                        + " not null",
                gatewayFile + "%test.quarkus.datasource.jdbc.url must name hms_gateway_test, not null",
                "patients: services/patients/src/main/resources/application.properties sets"
                        + " quarkus.datasource.reactive.url, but hms.yaml says database: false");
        assertThat(problems).allMatch(p -> p.startsWith("gateway:") || p.startsWith("patients:"));
    }

    @Test
    void aServicePointedAtAnotherServicesDatabaseIsNamed() {
        Path repo = copyOfRepository();
        edit(repo.resolve("services/identity/src/main/resources/application.properties"),
                p -> p.replace("/hms_identity_test", "/hms_patients_test"));

        assertThat(check(repo, system).databases()).contains(
                "identity: services/identity/src/main/resources/application.properties"
                        + " %test.quarkus.datasource.reactive.url must name hms_identity_test, not"
                        + " postgresql://127.0.0.1:5432/hms_patients_test",
                "identity: services/identity/src/main/resources/application.properties"
                        + " %test.quarkus.datasource.reactive.url names database hms_patients_test; a service owns"
                        + " hms_identity only");
    }

    @Test
    void aTopicOfTheCodeMissingFromTheDescriptorAndADeclaredTopicNoEventUsesAreNamed() {
        List<ServiceEntry> services = system.services().stream().map(s -> new ServiceEntry(s.name(), s.port(),
                s.database(), without(s.publishes(), Topics.AUDIT), without(s.consumes(), Topics.AUDIT), s.routes()))
                .toList();
        List<TopicEntry> topics = new ArrayList<>(system.topics().stream()
                .filter(t -> !t.name().equals(Topics.AUDIT)).toList());
        topics.add(new TopicEntry("hms.lab", 3, -1));

        List<String> problems = check(ROOT, new SystemDescriptor(services, topics)).topics();

        assertThat(problems).containsExactlyInAnyOrder(
                "Topics.AUDIT = hms.audit is not a topic of hms.yaml",
                "org.hms.audit.AuditRecorded travels on hms.audit, which is not a topic of hms.yaml",
                "topic hms.lab of hms.yaml carries no event type of EventCatalog");
    }

    @Test
    void anEventWhoseProducerDoesNotPublishItsTopicIsNamed() {
        SystemDescriptor silent = change(system, "identity", s -> new ServiceEntry(s.name(), s.port(), s.database(),
                without(s.publishes(), Topics.IDENTITY), s.consumes(), s.routes()));

        List<String> problems = check(ROOT, silent).producers();

        assertThat(problems).contains(
                "identity constructs UserCreated (UserService.java) but does not publish hms.identity in hms.yaml",
                "org.hms.identity.UserCreated travels on hms.identity, but no service that publishes hms.identity"
                        + " in hms.yaml produces it (constructed by: identity)");
        assertThat(problems).allMatch(p -> p.contains("hms.identity"));
    }

    @Test
    void anEventTheSharedPlatformConstructsCountsForEveryServiceBuiltOnIt() {
        // the audit filter of src/platform constructs AuditRecorded for the services built on it, which
        // publish hms.audit: identity's own code constructs it too, so identity alone is taken out of
        // the publishers, then every service
        UnaryOperator<ServiceEntry> quiet = s -> new ServiceEntry(s.name(), s.port(), s.database(),
                without(s.publishes(), Topics.AUDIT), s.consumes(), s.routes());
        SystemDescriptor identityQuiet = change(system, "identity", quiet);
        SystemDescriptor noneBuiltOnThePlatform = new SystemDescriptor(
                system.services().stream().map(quiet).toList(), system.topics());

        assertThat(check(ROOT, identityQuiet).producers()).noneMatch(p -> p.contains("travels on"));
        assertThat(check(ROOT, noneBuiltOnThePlatform).producers()).anyMatch(p -> p.startsWith(
                        "org.hms.audit.AuditRecorded travels on hms.audit, but no service that publishes hms.audit")
                && p.contains("constructed by: ") && p.contains("patients"));
    }

    @Test
    void aTopicConfiguredForAChannelButNotDeclaredIsNamed() {
        Path repo = copyOfRepository();
        edit(repo.resolve("services/patients/src/main/resources/application.properties"),
                p -> p + "\nmp.messaging.incoming.accounts.topic=hms.identity\n");

        assertThat(check(repo, system).producers()).containsExactly(
                "patients: mp.messaging.incoming.accounts.topic=hms.identity but hms.yaml does not list hms.identity"
                        + " in its consumes");
    }

    @Test
    void aRouteWithoutMatrixRowsAndARowOutsideTheRoutesAreNamed() {
        SystemDescriptor renamed = change(system, "patients", s -> new ServiceEntry(s.name(), s.port(),
                s.database(), s.publishes(), s.consumes(), List.of("/api/v1/patient-records")));
        SystemDescriptor usersMoved = change(change(system, "identity", s -> new ServiceEntry(s.name(), s.port(),
                        s.database(), s.publishes(), s.consumes(), concat(without(s.routes(), "/api/v1/users"),
                                "/api/v1/gateway"))),
                "patients", s -> new ServiceEntry(s.name(), s.port(), s.database(), s.publishes(), s.consumes(),
                        concat(s.routes(), "/api/v1/users")));

        assertThat(check(ROOT, renamed).matrix())
                .contains("route /api/v1/patient-records of patients has no row in docs/authorization-matrix.md",
                        "GET /api/v1/patients/{id} (patients) in docs/authorization-matrix.md falls under no route"
                                + " of hms.yaml")
                .allMatch(p -> p.contains("patient"));
        assertThat(check(ROOT, usersMoved).matrix()).contains(
                "POST /api/v1/users: docs/authorization-matrix.md says identity, hms.yaml routes it to patients",
                "GET /api/v1/gateway/status: a gateway row in docs/authorization-matrix.md, but hms.yaml routes the"
                        + " path to identity");
    }

    @Test
    void aGatewayConfigurationThatRestatesTheDescriptorIsNamed() {
        Path repo = copyOfRepository();
        String service = system.routedServices().getFirst().name();
        String route = system.routedServices().getFirst().routes().getFirst();
        edit(repo.resolve("services/gateway/src/main/resources/application.properties"), p -> p
                .replace("hms.gateway.public-paths=", "hms.gateway.public-paths=/api/v1/nowhere,")
                + "\nhms.gateway.routes.\"" + route + "\"=" + service
                + "\nhms.gateway.upstreams." + service + ".url=http://127.0.0.1:9999\n");
        String file = "services/gateway/src/main/resources/application.properties";

        assertThat(check(repo, system).gateway()).containsExactlyInAnyOrder(
                file + " sets hms.gateway.routes.\"" + route + "\": the routes are the services' in hms.yaml",
                file + " sets hms.gateway.upstreams." + service + ".url: the address comes from hms.yaml (override"
                        + " it per deployment, not here)",
                file + ": public path /api/v1/nowhere falls under no route of hms.yaml");
    }

    private static SystemConsistency check(Path root, SystemDescriptor descriptor) {
        return new SystemConsistency(root, descriptor, EventCatalog.ALL, topicConstants());
    }

    /** {@code Topics}' public String constants, by name. */
    private static Map<String, String> topicConstants() {
        Map<String, String> constants = new TreeMap<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    constants.put(field.getName(), (String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return constants;
    }

    private static SystemDescriptor add(SystemDescriptor descriptor, ServiceEntry service) {
        return new SystemDescriptor(concat(descriptor.services(), service), descriptor.topics());
    }

    private static SystemDescriptor change(SystemDescriptor descriptor, String name, UnaryOperator<ServiceEntry> edit) {
        return new SystemDescriptor(descriptor.services().stream()
                .map(s -> s.name().equals(name) ? edit.apply(s) : s).toList(), descriptor.topics());
    }

    private static <T> List<T> concat(List<T> list, T element) {
        List<T> longer = new ArrayList<>(list);
        longer.add(element);
        return longer;
    }

    private static List<String> without(List<String> list, String element) {
        return list.stream().filter(e -> !e.equals(element)).toList();
    }

    /** The files the checks read (poms, descriptor, matrix, services' and platform's sources and properties). */
    private Path copyOfRepository() {
        try {
            for (String file : List.of("hms.yaml", "pom.xml", "docs/authorization-matrix.md", "src/system-tests/pom.xml")) {
                Files.createDirectories(copy.resolve(file).getParent());
                Files.copy(ROOT.resolve(file), copy.resolve(file));
            }
            for (String tree : List.of("services", "src/platform")) {
                try (Stream<Path> files = Files.walk(ROOT.resolve(tree))) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        String relative = ROOT.relativize(file).toString();
                        if (relative.contains("/target/") || !relative.matches(".*(\\.java|pom\\.xml|\\.properties)")) {
                            continue;
                        }
                        Files.createDirectories(copy.resolve(relative).getParent());
                        Files.copy(file, copy.resolve(relative));
                    }
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void edit(Path file, UnaryOperator<String> change) {
        try {
            String before = Files.readString(file);
            String after = change.apply(before);
            assertThat(after).as("the edit of " + file + " changed nothing").isNotEqualTo(before);
            Files.writeString(file, after);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
