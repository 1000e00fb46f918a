package org.hms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DescriptorCommandTest {

    static final String SYSTEM = """
            services:
              - name: gateway
                port: 9080
                database: false
              - name: wards
                port: 9083
                database: true
                publishes: [hms.wards]
            topics:
              - name: hms.wards
                partitions: 4
                retentionMs: -1
            """;

    @TempDir
    Path dir;

    Path descriptor() throws IOException {
        return Files.writeString(dir.resolve("hms.yaml"), SYSTEM);
    }

    @Test
    void servicesAreListedInDescriptorOrderWithPortAndWhetherTheyOwnADatabase() throws IOException {
        Run run = Run.of("--descriptor", descriptor().toString(), "descriptor", "services");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsExactly("gateway 9080 no", "wards 9083 yes");
    }

    @Test
    void eachServiceWithADatabaseGetsItsOwnTestAndSystemDatabasesOwnedByItsRole() throws IOException {
        Run run = Run.of("--descriptor", descriptor().toString(), "descriptor", "databases");

        assertThat(run.out())
                .containsExactly("hms_wards hms_wards", "hms_wards_test hms_wards", "hms_wards_system hms_wards");
    }

    @Test
    void topicsComeWithTheirDeadLetterTopics() throws IOException {
        Run run = Run.of("--descriptor", descriptor().toString(), "descriptor", "topics");

        assertThat(run.out()).containsExactly("hms.wards 4 -1", "hms.wards.dlq 1 2592000000");
    }

    @Test
    void theRepositoryDescriptorListsTheServicesHmsRuns() {
        Path repoDescriptor = Path.of(System.getProperty("hms.root", "../..")).resolve("hms.yaml");

        Run run = Run.of("--descriptor", repoDescriptor.toString(), "descriptor", "services");

        assertThat(run.out()).contains("gateway 8080 no", "identity 8081 yes", "patients 8082 yes");
    }

    @Test
    void anInconsistentDescriptorFailsWithOneLineNamingTheProblem() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), SYSTEM.replace("9083", "9080"));

        Run run = Run.of("--descriptor", bad.toString(), "descriptor", "services");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("port 9080 is used twice").doesNotContain("Exception");
    }

    @Test
    void aMissingDescriptorIsNamed() {
        Run run = Run.of("--descriptor", dir.resolve("nope.yaml").toString(), "descriptor", "services");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("nope.yaml: no such file");
    }
}
