package org.hms.emergency;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import org.hms.platform.testing.SkipTopicBacklog;

/**
 * Before Quarkus starts, the test consumer groups of hms.patients and hms.clinical move past the
 * shared broker's history: tests publish their own events after start-up.
 */
@WithTestResource(value = SkipTopicBacklog.class, scope = TestResourceScope.GLOBAL, initArgs = {
        @ResourceArg(name = "group", value = "hms-emergency-test-patient-view"),
        @ResourceArg(name = "topic", value = "hms.patients")})
@WithTestResource(value = SkipTopicBacklog.class, scope = TestResourceScope.GLOBAL, initArgs = {
        @ResourceArg(name = "group", value = "hms-emergency-test-clinical-alerts"),
        @ResourceArg(name = "topic", value = "hms.clinical")})
public final class EmergencyTestResources {

    private EmergencyTestResources() {}
}
