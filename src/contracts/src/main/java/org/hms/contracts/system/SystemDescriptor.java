package org.hms.contracts.system;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The system descriptor ({@code hms.yaml} at the top of the repository, packaged in this jar
 * as {@value #RESOURCE}): services, ports, databases, topics and gateway routes. Everything
 * that needs one of those facts reads them here instead of restating them.
 */
public record SystemDescriptor(List<ServiceEntry> services, List<TopicEntry> topics) {

    public static final String RESOURCE = "hms.yaml";

    /** Dead-letter topics: one partition, kept 30 days. */
    public static final int DEAD_LETTER_PARTITIONS = 1;

    public static final long DEAD_LETTER_RETENTION_MS = 30L * 24 * 3600 * 1000;

    /** A route segment that stands for any one path segment ({@code /api/v1/patients/*}{@code /vitals}). */
    public static final String WILDCARD = "*";

    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public SystemDescriptor {
        services = List.copyOf(services);
        topics = List.copyOf(topics);
        checkConsistent(services, topics);
    }

    /** The descriptor packaged in hms-contracts (what a running service sees). */
    public static SystemDescriptor load() {
        try (InputStream in = SystemDescriptor.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return YAML.readValue(in, SystemDescriptor.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** A descriptor file, e.g. the repository's {@code hms.yaml}. */
    public static SystemDescriptor load(Path file) {
        try {
            return YAML.readValue(Files.readString(file), SystemDescriptor.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public Optional<ServiceEntry> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public ServiceEntry requireService(String name) {
        return service(name).orElseThrow(() -> new IllegalArgumentException("no service '" + name + "' in " + RESOURCE));
    }

    public List<String> serviceNames() {
        return services.stream().map(ServiceEntry::name).toList();
    }

    /** Services that own a PostgreSQL database. */
    public List<ServiceEntry> servicesWithDatabase() {
        return services.stream().filter(ServiceEntry::database).toList();
    }

    /** Every topic to create: the declared ones and a dead-letter topic for each. */
    public List<TopicEntry> topicsWithDeadLetters() {
        List<TopicEntry> all = new ArrayList<>();
        for (TopicEntry topic : topics) {
            all.add(topic);
            all.add(new TopicEntry(topic.deadLetter(), DEAD_LETTER_PARTITIONS, DEAD_LETTER_RETENTION_MS));
        }
        return all;
    }

    /** Services the gateway routes to: those with at least one route. */
    public List<ServiceEntry> routedServices() {
        return services.stream().filter(s -> !s.routes().isEmpty()).toList();
    }

    /**
     * The service whose route is the longest prefix covering {@code path} (whole segments:
     * {@code /api/v1/patients} covers {@code /api/v1/patients/42}, not {@code /api/v1/patientsx}).
     */
    public Optional<ServiceEntry> routeOwner(String path) {
        ServiceEntry owner = null;
        int longest = -1;
        for (ServiceEntry service : services) {
            for (String route : service.routes()) {
                if (covers(route, path) && route.length() > longest) {
                    owner = service;
                    longest = route.length();
                }
            }
        }
        return Optional.ofNullable(owner);
    }

    /**
     * Whether route prefix {@code prefix} covers {@code path}: equal, or below it by whole path
     * segments. A {@code *} segment matches any one segment, so a service can own a sub-resource of
     * another's resource: clinical's {@code /api/v1/patients/*}{@code /vitals} under patients'
     * {@code /api/v1/patients}. The longer route wins ({@link #routeOwner}).
     */
    public static boolean covers(String prefix, String path) {
        if (prefix.indexOf(WILDCARD) < 0) {
            return path.startsWith(prefix)
                    && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/' || prefix.endsWith("/"));
        }
        String[] wanted = prefix.split("/", -1);
        String[] given = path.split("/", -1);
        if (given.length < wanted.length) {
            return false;
        }
        for (int i = 0; i < wanted.length; i++) {
            boolean matches = wanted[i].equals(WILDCARD) ? !given[i].isEmpty() : wanted[i].equals(given[i]);
            if (!matches) {
                return false;
            }
        }
        return true;
    }

    public Optional<TopicEntry> topic(String name) {
        return topics.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    private static void checkConsistent(List<ServiceEntry> services, List<TopicEntry> topics) {
        Set<String> names = new HashSet<>();
        Set<Integer> ports = new HashSet<>();
        Set<String> routes = new HashSet<>();
        Set<String> topicNames = new HashSet<>();
        topics.forEach(t -> require(topicNames.add(t.name()), "topic " + t.name() + " is declared twice"));
        for (ServiceEntry s : services) {
            require(names.add(s.name()), "service " + s.name() + " is declared twice");
            require(ports.add(s.port()), "port " + s.port() + " is used twice");
            s.routes().forEach(r -> require(routes.add(r), "route " + r + " goes to two services"));
            s.publishes().forEach(t -> require(topicNames.contains(t), s.name() + " publishes undeclared topic " + t));
            s.consumes().forEach(t -> require(topicNames.contains(t), s.name() + " consumes undeclared topic " + t));
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("system descriptor: " + message);
        }
    }
}
