package org.hms.systemtests.running;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * {@code @ExtendWith(RunningSystem.class)}: the {@link SystemUnderTest}, started by the first test
 * class that needs it and shared by all of them (it lives in the root context's store), stopped
 * when the whole run ends. Test methods and {@code @BeforeAll} methods take it as a parameter.
 */
public final class RunningSystem implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunningSystem.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        system(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SystemUnderTest.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return system(context);
    }

    /** The root store closes it (AutoCloseable) after the last test of the run. */
    private static SystemUnderTest system(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(SystemUnderTest.class, key -> SystemUnderTest.start(), SystemUnderTest.class);
    }
}
