package org.hms.platform.testing;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks that a service's HTTP API speaks its own types, never the event catalogue's: no
 * resource ({@code @Path} class) and no record or enum reachable from a resource (its request
 * and response bodies, their parts) uses a type of {@code org.hms.contracts}. The OpenAPI
 * document is generated from exactly these, so an event payload never becomes part of the
 * API and an API change never changes an event schema. (Internal types, e.g. an entity's JSON
 * column, may use event types.) A service calls it from one test (needs {@code archunit-junit5}
 * in test scope):
 *
 * <pre>{@code
 * @Test
 * void resourcesAndApiRecordsUseNoEventTypes() {
 *     ApiSurface.assertNoContractTypes("org.hms.scheduling");
 * }
 * }</pre>
 *
 * Mapping between the two happens in the service's mapper (docs/patterns/api-and-events.md).
 */
public final class ApiSurface {

    /** The event catalogue's package. */
    public static final String CONTRACTS = "org.hms.contracts";

    private ApiSurface() {}

    public static void assertNoContractTypes(String servicePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage);
        List<String> violations = apiTypes(classes, servicePackage).stream()
                .flatMap(type -> type.getDirectDependenciesFromSelf().stream())
                .filter(dependency -> inPackage(target(dependency), CONTRACTS))
                .map(Dependency::getDescription)
                .distinct()
                .toList();
        if (!violations.isEmpty()) {
            throw new AssertionError("the API of " + servicePackage + " uses event types of " + CONTRACTS
                    + " (give it records of its own and map them):\n  " + String.join("\n  ", violations));
        }
    }

    /** The resources, and the records and enums of the service they reach (transitively). */
    static Set<JavaClass> apiTypes(JavaClasses classes, String servicePackage) {
        Set<JavaClass> api = new LinkedHashSet<>();
        Deque<JavaClass> todo = new ArrayDeque<>();
        classes.stream().filter(c -> c.isAnnotatedWith(Path.class)).forEach(todo::add);
        if (todo.isEmpty()) {
            throw new AssertionError("no @Path class in " + servicePackage + ": is the package right?");
        }
        while (!todo.isEmpty()) {
            JavaClass type = todo.pop();
            if (!api.add(type)) {
                continue;
            }
            type.getDirectDependenciesFromSelf().stream()
                    .map(ApiSurface::target)
                    .filter(t -> inPackage(t, servicePackage) && (t.isRecord() || t.isEnum()))
                    .forEach(todo::add);
        }
        return api;
    }

    private static JavaClass target(Dependency dependency) {
        return dependency.getTargetClass().getBaseComponentType();
    }

    private static boolean inPackage(JavaClass type, String pkg) {
        String name = type.getPackageName();
        return name.equals(pkg) || name.startsWith(pkg + ".");
    }
}
