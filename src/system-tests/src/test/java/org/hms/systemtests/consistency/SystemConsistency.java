package org.hms.systemtests.consistency;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.hms.contracts.EventContract;
import org.hms.contracts.system.ServiceEntry;
import org.hms.contracts.system.SystemDescriptor;
import org.hms.systemtests.authorization.AuthorizationMatrix;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What the repository's files say, set against the system descriptor ({@code hms.yaml}): each
 * check answers one line per disagreement, naming the file to change. Static reading only (poms,
 * {@code application.properties}, Java sources as text, the authorisation matrix): what it cannot
 * see, the running system's tests check.
 *
 * @param root the repository (a copy of it in the tests that show a check failing)
 * @param system the descriptor to hold the files to
 * @param events the event catalogue ({@code EventCatalog.ALL})
 * @param topicConstants the topic names of {@code org.hms.contracts.Topics}, by constant name
 */
public record SystemConsistency(
        Path root, SystemDescriptor system, List<EventContract> events, Map<String, String> topicConstants) {

    /** Service rows of the matrix with this name are the gateway's own routes, not proxied ones. */
    static final String GATEWAY = "gateway";

    private static final String SERVICES = "services/";
    private static final String MATRIX = "docs/authorization-matrix.md";
    private static final Pattern DATASOURCE_URL = Pattern.compile("(%[\\w-]+\\.)?quarkus\\.datasource\\..*url");
    private static final Pattern DATABASE_IN_URL = Pattern.compile(".*/([^/?]+)(\\?.*)?");

    /** Every disagreement, all checks together. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        problems.addAll(modules());
        problems.addAll(serviceProperties());
        problems.addAll(databases());
        problems.addAll(topics());
        problems.addAll(producers());
        problems.addAll(matrix());
        problems.addAll(gateway());
        return problems;
    }

    /**
     * Each service has a module {@code services/<name>} in the root pom's modules (and src/system-tests
     * depends on it, so the reactor builds its jar first); no service module lacks an entry.
     */
    public List<String> modules() {
        List<String> problems = new ArrayList<>();
        Set<String> modules = new LinkedHashSet<>(childTexts(xml(root.resolve("pom.xml")).getDocumentElement(),
                "modules", "module"));
        Set<String> serviceModules = new LinkedHashSet<>();
        modules.stream().filter(m -> m.startsWith(SERVICES)).forEach(serviceModules::add);
        try (Stream<Path> dirs = Files.list(root.resolve("services"))) {
            dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml")))
                    .map(d -> SERVICES + d.getFileName())
                    .forEach(serviceModules::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> testedArtifacts = dependencyArtifacts(root.resolve("src/system-tests/pom.xml"));
        for (ServiceEntry service : system.services()) {
            String module = SERVICES + service.name();
            if (!modules.contains(module)) {
                problems.add(service.name() + ": no module " + module + " in the root pom.xml's <modules>");
            }
            Path pom = root.resolve(module).resolve("pom.xml");
            if (!Files.isRegularFile(pom)) {
                problems.add(service.name() + ": no " + module + "/pom.xml");
                continue;
            }
            String artifact = ownArtifactId(pom);
            if (!testedArtifacts.contains(artifact)) {
                problems.add(service.name() + ": src/system-tests/pom.xml does not depend on " + artifact
                        + " (type pom), so `-pl src/system-tests -am` would not build its jar first");
            }
        }
        serviceModules.stream()
                .filter(m -> system.service(m.substring(SERVICES.length())).isEmpty())
                .forEach(m -> problems.add(m + " is a service module, but " + SystemDescriptor.RESOURCE
                        + " has no service " + m.substring(SERVICES.length())));
        return problems;
    }

    /** {@code quarkus.application.name} and {@code quarkus.http.port} of each service are the descriptor's. */
    public List<String> serviceProperties() {
        List<String> problems = new ArrayList<>();
        for (ServiceEntry service : system.services()) {
            Optional<Properties> properties = properties(service);
            if (properties.isEmpty()) {
                problems.add(service.name() + ": no " + propertiesFile(service));
                continue;
            }
            expect(problems, service, properties.get(), "quarkus.application.name", service.name());
            expect(problems, service, properties.get(), "quarkus.http.port", Integer.toString(service.port()));
        }
        return problems;
    }

    /**
     * A service with {@code database: true} points its datasource (reactive and JDBC) at
     * {@code hms_<name>}, its tests at {@code hms_<name>_test}, and at no other database; a
     * service without configures no datasource.
     */
    public List<String> databases() {
        List<String> problems = new ArrayList<>();
        for (ServiceEntry service : system.services()) {
            Properties properties = properties(service).orElse(null);
            if (properties == null) {
                continue; // named by serviceProperties()
            }
            Map<String, String> urls = new TreeMap<>();
            properties.stringPropertyNames().stream()
                    .filter(key -> DATASOURCE_URL.matcher(key).matches())
                    .forEach(key -> urls.put(key, properties.getProperty(key)));
            String file = propertiesFile(service);
            if (!service.database()) {
                urls.keySet().forEach(key -> problems.add(service.name() + ": " + file + " sets " + key
                        + ", but " + SystemDescriptor.RESOURCE + " says database: false"));
                continue;
            }
            String database = service.databaseName();
            for (String key : List.of("quarkus.datasource.reactive.url", "quarkus.datasource.jdbc.url")) {
                if (!databaseOf(urls.get(key)).equals(Optional.of(database))) {
                    problems.add(service.name() + ": " + file + " " + key + " must name " + database + " ("
                            + SystemDescriptor.RESOURCE + " says database: true), not " + urls.get(key));
                }
                String test = "%test." + key;
                if (!databaseOf(urls.get(test)).equals(Optional.of(database + "_test"))) {
                    problems.add(service.name() + ": " + file + " " + test + " must name " + database + "_test, not "
                            + urls.get(test));
                }
            }
            urls.forEach((key, url) -> databaseOf(url)
                    .filter(db -> !db.equals(database) && !db.equals(database + "_test"))
                    .ifPresent(db -> problems.add(service.name() + ": " + file + " " + key + " names database " + db
                            + "; a service owns " + database + " only")));
        }
        return problems;
    }

    /**
     * Every topic of {@code Topics} and of the event catalogue is declared in the descriptor, and
     * every declared topic carries at least one event type of the catalogue.
     */
    public List<String> topics() {
        List<String> problems = new ArrayList<>();
        topicConstants.forEach((constant, topic) -> {
            if (system.topic(topic).isEmpty()) {
                problems.add("Topics." + constant + " = " + topic + " is not a topic of " + SystemDescriptor.RESOURCE);
            }
        });
        for (EventContract event : events) {
            if (system.topic(event.topic()).isEmpty()) {
                problems.add(event.type() + " travels on " + event.topic() + ", which is not a topic of "
                        + SystemDescriptor.RESOURCE);
            }
        }
        Set<String> carried = events.stream().map(EventContract::topic).collect(Collectors.toSet());
        system.topics().stream()
                .filter(t -> !carried.contains(t.name()))
                .forEach(t -> problems.add("topic " + t.name() + " of " + SystemDescriptor.RESOURCE
                        + " carries no event type of EventCatalog"));
        return problems;
    }

    /**
     * Who produces what, as far as the sources show it: an event is produced by the service whose
     * main code constructs its payload record ({@code new PatientRegistered(}), or by every service
     * depending on an hms-platform module whose main code constructs it. Each event type must be
     * produced by a service that publishes its topic; a service constructing an event in its own
     * code must publish that event's topic; a topic a service's configuration reads from is among its
     * consumes (one written to, among its publishes).
     */
    public List<String> producers() {
        List<String> problems = new ArrayList<>();
        Map<String, String> platformSources = sources(root.resolve("src/platform"));
        for (EventContract event : events) {
            Set<String> producers = new LinkedHashSet<>();
            for (ServiceEntry service : system.services()) {
                Map<String, String> own = sources(root.resolve(SERVICES + service.name()));
                if (constructs(own, event) || (dependsOnPlatform(service) && constructs(platformSources, event))) {
                    producers.add(service.name());
                }
                if (constructs(own, event) && !service.publishes().contains(event.topic())) {
                    problems.add(service.name() + " constructs " + event.payload().getSimpleName() + " ("
                            + String.join(", ", constructors(own, event)) + ") but does not publish " + event.topic() + " in "
                            + SystemDescriptor.RESOURCE);
                }
            }
            boolean published = system.services().stream()
                    .anyMatch(s -> producers.contains(s.name()) && s.publishes().contains(event.topic()));
            if (!published) {
                problems.add(event.type() + " travels on " + event.topic() + ", but no service that publishes "
                        + event.topic() + " in " + SystemDescriptor.RESOURCE + " produces it (constructed by: "
                        + (producers.isEmpty() ? "none" : String.join(", ", producers)) + ")");
            }
        }
        for (ServiceEntry service : system.services()) {
            properties(service).ifPresent(properties -> properties.stringPropertyNames().stream()
                    .filter(key -> key.matches("mp\\.messaging\\.(incoming|outgoing)\\.[^.]+\\.topic"))
                    .forEach(key -> {
                        boolean incoming = key.startsWith("mp.messaging.incoming.");
                        String topic = properties.getProperty(key);
                        List<String> declared = incoming ? service.consumes() : service.publishes();
                        if (!declared.contains(topic)) {
                            problems.add(service.name() + ": " + key + "=" + topic + " but " + SystemDescriptor.RESOURCE
                                    + " does not list " + topic + " in its " + (incoming ? "consumes" : "publishes"));
                        }
                    }));
        }
        return problems;
    }

    /**
     * docs/authorization-matrix.md and the routes: every route prefix has rows; every row's path
     * falls under a route of the service the row names, except the gateway's own rows, which fall
     * under no service's route.
     */
    public List<String> matrix() {
        List<String> problems = new ArrayList<>();
        List<AuthorizationMatrix.Rule> rules = AuthorizationMatrix.read(root.resolve(MATRIX)).rules();
        for (ServiceEntry service : system.routedServices()) {
            for (String route : service.routes()) {
                boolean rows = rules.stream().anyMatch(r -> SystemDescriptor.covers(route, r.path())
                        && system.routeOwner(r.path()).map(ServiceEntry::name).orElse("").equals(service.name()));
                if (!rows) {
                    problems.add("route " + route + " of " + service.name() + " has no row in " + MATRIX);
                }
            }
        }
        for (AuthorizationMatrix.Rule rule : rules) {
            Optional<String> owner = system.routeOwner(rule.path()).map(ServiceEntry::name);
            if (rule.service().equals(GATEWAY)) {
                owner.ifPresent(o -> problems.add(rule.key() + ": a gateway row in " + MATRIX + ", but "
                        + SystemDescriptor.RESOURCE + " routes the path to " + o));
            } else if (owner.isEmpty()) {
                problems.add(rule.key() + " (" + rule.service() + ") in " + MATRIX + " falls under no route of "
                        + SystemDescriptor.RESOURCE);
            } else if (!owner.get().equals(rule.service())) {
                problems.add(rule.key() + ": " + MATRIX + " says " + rule.service() + ", "
                        + SystemDescriptor.RESOURCE + " routes it to " + owner.get());
            }
        }
        return problems;
    }

    /**
     * The gateway's configuration restates no route and no descriptor service's address (both come
     * from the descriptor), and each of its public paths lies under a route.
     */
    public List<String> gateway() {
        List<String> problems = new ArrayList<>();
        Optional<ServiceEntry> gateway = system.service(GATEWAY);
        Optional<Properties> properties = gateway.flatMap(this::properties);
        if (properties.isEmpty()) {
            return problems; // named by modules() and serviceProperties()
        }
        String file = propertiesFile(gateway.get());
        for (String key : properties.get().stringPropertyNames()) {
            if (key.startsWith("hms.gateway.routes.")) {
                problems.add(file + " sets " + key + ": the routes are the services' in " + SystemDescriptor.RESOURCE);
            }
            system.routedServices().stream()
                    .filter(s -> key.equals("hms.gateway.upstreams." + s.name() + ".url"))
                    .forEach(s -> problems.add(file + " sets " + key + ": the address comes from "
                            + SystemDescriptor.RESOURCE + " (override it per deployment, not here)"));
        }
        String publicPaths = properties.get().getProperty("hms.gateway.public-paths", "");
        for (String path : publicPaths.split(",")) {
            if (!path.isBlank() && system.routeOwner(path.strip()).isEmpty()) {
                problems.add(file + ": public path " + path.strip() + " falls under no route of "
                        + SystemDescriptor.RESOURCE);
            }
        }
        return problems;
    }

    private void expect(List<String> problems, ServiceEntry service, Properties properties, String key, String value) {
        String actual = properties.getProperty(key);
        if (!value.equals(actual)) {
            problems.add(service.name() + ": " + propertiesFile(service) + " has " + key + "=" + actual + ", "
                    + SystemDescriptor.RESOURCE + " says " + value);
        }
    }

    private static Optional<String> databaseOf(String url) {
        if (url == null) {
            return Optional.empty();
        }
        var matcher = DATABASE_IN_URL.matcher(url);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private String propertiesFile(ServiceEntry service) {
        return SERVICES + service.name() + "/src/main/resources/application.properties";
    }

    private Optional<Properties> properties(ServiceEntry service) {
        Path file = root.resolve(propertiesFile(service));
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(properties);
    }

    /** Whether the service's pom depends on an hms-platform module outside test scope. */
    private boolean dependsOnPlatform(ServiceEntry service) {
        Path pom = root.resolve(SERVICES + service.name()).resolve("pom.xml");
        if (!Files.isRegularFile(pom)) {
            return false;
        }
        for (Element dependency : dependencies(xml(pom))) {
            String artifact = childText(dependency, "artifactId").orElse("");
            String scope = childText(dependency, "scope").orElse("compile");
            if (artifact.startsWith("hms-platform") && !scope.equals("test")) {
                return true;
            }
        }
        return false;
    }

    /** The main Java sources under {@code module} (every src/main/java below it), by path. */
    private static Map<String, String> sources(Path module) {
        Map<String, String> sources = new TreeMap<>();
        if (!Files.isDirectory(module)) {
            return sources;
        }
        try (Stream<Path> files = Files.walk(module)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> f.toString().contains("/src/main/java/"))
                    .filter(f -> !f.toString().contains("/target/"))
                    .toList()) {
                sources.put(module.relativize(file).toString(), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }

    private static boolean constructs(Map<String, String> sources, EventContract event) {
        return !constructors(sources, event).isEmpty();
    }

    /**
     * The source files that construct the event's payload record ({@code new X(}), naming it by
     * import or fully qualified. A decoder does not construct it that way, so consumers do not count.
     */
    private static List<String> constructors(Map<String, String> sources, EventContract event) {
        Class<?> payload = event.payload();
        String simple = payload.getSimpleName();
        Pattern byName = Pattern.compile("\\bnew\\s+" + simple + "\\s*\\(");
        String qualified = "new " + payload.getName() + "(";
        String imported = "import " + payload.getName() + ";";
        return sources.entrySet().stream()
                .filter(e -> e.getValue().contains(qualified)
                        || (e.getValue().contains(imported) && byName.matcher(e.getValue()).find()))
                .map(e -> Path.of(e.getKey()).getFileName().toString())
                .toList();
    }

    private static Set<String> dependencyArtifacts(Path pom) {
        return dependencies(xml(pom)).stream()
                .map(d -> childText(d, "artifactId").orElse(""))
                .collect(Collectors.toSet());
    }

    private static List<Element> dependencies(Document pom) {
        List<Element> dependencies = new ArrayList<>();
        child(pom.getDocumentElement(), "dependencies").ifPresent(list -> {
            NodeList nodes = list.getChildNodes();
            for (int i = 0; i < nodes.getLength(); i++) {
                if (nodes.item(i) instanceof Element e && e.getTagName().equals("dependency")) {
                    dependencies.add(e);
                }
            }
        });
        return dependencies;
    }

    private static String ownArtifactId(Path pom) {
        return childText(xml(pom).getDocumentElement(), "artifactId").orElse("");
    }

    private static List<String> childTexts(Element parent, String list, String item) {
        List<String> texts = new ArrayList<>();
        child(parent, list).ifPresent(l -> {
            NodeList nodes = l.getChildNodes();
            for (int i = 0; i < nodes.getLength(); i++) {
                if (nodes.item(i) instanceof Element e && e.getTagName().equals(item)) {
                    texts.add(e.getTextContent().strip());
                }
            }
        });
        return texts;
    }

    private static Optional<Element> child(Element parent, String name) {
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element e && e.getTagName().equals(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> childText(Element parent, String name) {
        return child(parent, name).map(e -> e.getTextContent().strip());
    }

    private static Document xml(Path file) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
