package org.hms.contracts.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SystemDescriptorTest {

    @Test
    void thePackagedDescriptorListsTheRunningServices() {
        SystemDescriptor system = SystemDescriptor.load();

        assertThat(system.serviceNames()).startsWith("gateway", "identity", "patients");
        assertThat(system.requireService("patients").port()).isEqualTo(8082);
        assertThat(system.requireService("patients").databaseName()).isEqualTo("hms_patients");
        assertThat(system.servicesWithDatabase()).extracting(ServiceEntry::name).doesNotContain("gateway");
    }

    @Test
    void everyTopicGetsADeadLetterTopic() {
        List<TopicEntry> topics = SystemDescriptor.load().topicsWithDeadLetters();

        assertThat(topics).extracting(TopicEntry::name).contains("hms.patients", "hms.patients.dlq");
        assertThat(topics)
                .filteredOn(t -> t.name().equals("hms.patients.dlq"))
                .singleElement()
                .extracting(TopicEntry::partitions)
                .isEqualTo(1);
    }

    @Test
    void aPortUsedTwiceIsRefused() {
        var a = new ServiceEntry("a", 9001, false, null, null, null);
        var b = new ServiceEntry("b", 9001, false, null, null, null);

        assertThatThrownBy(() -> new SystemDescriptor(List.of(a, b), List.of()))
                .hasMessageContaining("port 9001 is used twice");
    }

    @Test
    void aServicePublishingAnUndeclaredTopicIsRefused() {
        var a = new ServiceEntry("a", 9001, false, List.of("hms.nowhere"), null, null);

        assertThatThrownBy(() -> new SystemDescriptor(List.of(a), List.of()))
                .hasMessageContaining("publishes undeclared topic hms.nowhere");
    }

    @Test
    void aRouteClaimedByTwoServicesIsRefused() {
        var a = new ServiceEntry("a", 9001, false, null, null, List.of("/api/v1/x"));
        var b = new ServiceEntry("b", 9002, false, null, null, List.of("/api/v1/x"));

        assertThatThrownBy(() -> new SystemDescriptor(List.of(a, b), List.of()))
                .hasMessageContaining("route /api/v1/x goes to two services");
    }

    @Test
    void theLongestRouteCoveringWholeSegmentsOwnsAPath() {
        var patients = new ServiceEntry("patients", 9001, false, null, null, List.of("/api/v1/patients"));
        var reports = new ServiceEntry("reports", 9002, false, null, null, List.of("/api/v1/patients/reports"));
        var system = new SystemDescriptor(List.of(patients, reports), List.of());

        assertThat(system.routeOwner("/api/v1/patients/42")).contains(patients);
        assertThat(system.routeOwner("/api/v1/patients")).contains(patients);
        assertThat(system.routeOwner("/api/v1/patients/reports/monthly")).contains(reports);
        assertThat(system.routeOwner("/api/v1/patientsx")).isEmpty();
        assertThat(system.routedServices()).containsExactly(patients, reports);
    }

    @Test
    void aWildcardSegmentLetAServiceOwnASubResourceOfAnotherServicesResource() {
        var patients = new ServiceEntry("patients", 9001, false, null, null, List.of("/api/v1/patients"));
        var clinical = new ServiceEntry("clinical", 9002, false, null, null, List.of("/api/v1/patients/*/vitals"));
        var system = new SystemDescriptor(List.of(patients, clinical), List.of());

        assertThat(system.routeOwner("/api/v1/patients/42/vitals")).contains(clinical);
        assertThat(system.routeOwner("/api/v1/patients/{id}/vitals")).contains(clinical);
        assertThat(system.routeOwner("/api/v1/patients/42/vitals/7")).contains(clinical);
        assertThat(system.routeOwner("/api/v1/patients/42/vitalsx")).contains(patients);
        assertThat(system.routeOwner("/api/v1/patients/42")).contains(patients);
        assertThat(system.routeOwner("/api/v1/patients//vitals")).contains(patients);
    }
}
