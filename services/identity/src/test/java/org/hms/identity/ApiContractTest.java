package org.hms.identity;

import org.hms.platform.testing.ApiSurface;
import org.junit.jupiter.api.Test;

/** Identity's API speaks its own records: no event payload of src/contracts is part of it. */
class ApiContractTest {

    @Test
    void resourcesAndApiRecordsUseNoEventTypes() {
        ApiSurface.assertNoContractTypes("org.hms.identity");
    }
}
