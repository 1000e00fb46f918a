package org.hms.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdRuleTest {

    @Test
    void aSaneCallerIdIsKept() {
        assertThat(RequestIds.accept("ward-7:req.42")).isEqualTo("ward-7:req.42");
    }

    @Test
    void aMissingOrInsaneIdIsReplacedByAFreshUuid() {
        for (String given : new String[] {null, "", "a b", "x".repeat(129), "<script>"}) {
            String id = RequestIds.accept(given);
            assertThat(id).isNotEqualTo(given);
            assertThat(UUID.fromString(id)).isNotNull();
        }
    }
}
