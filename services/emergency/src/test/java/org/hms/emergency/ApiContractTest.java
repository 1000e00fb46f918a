package org.hms.emergency;

import org.hms.platform.testing.ApiSurface;
import org.junit.jupiter.api.Test;

/** The emergency API and its events are separate contracts: no resource or API record uses a type of src/contracts. */
class ApiContractTest {

    @Test
    void resourcesAndApiRecordsUseNoEventTypes() {
        ApiSurface.assertNoContractTypes("org.hms.emergency");
    }
}
