package org.hms.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hms.load.ClinicSeedFile.Seeded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClinicSeedFileTest {

    private static final String P1 = "0b6f3c1e-4a57-4c1e-9a0e-1f2d3c4b5a61";
    private static final String P2 = "7d0e2b9a-5c3f-4e8a-b1d2-3c4e5f6a7b82";
    private static final String PATIENT = "c2a4e6f8-1b3d-4f5a-8c7e-9d0b1a2c3e4f";

    @TempDir
    Path dir;

    @Test
    void what_is_written_reads_back_the_same() {
        Path file = dir.resolve("load/clinic-seed.txt");
        ClinicSeedFile seeded = new ClinicSeedFile(
                List.of(new Seeded(0, "cardiology", P1), new Seeded(1, "general-practice", P2)), List.of(PATIENT));

        seeded.write(file);

        assertThat(ClinicSeedFile.read(file)).isEqualTo(seeded);
        assertThat(ClinicSeedFile.readIfExists(file)).contains(seeded);
    }

    @Test
    void a_missing_file_is_no_seed_yet() {
        assertThat(ClinicSeedFile.readIfExists(dir.resolve("absent.txt"))).isEmpty();
    }

    @Test
    void writing_again_replaces_the_file_and_leaves_no_temporary_one() throws Exception {
        Path file = dir.resolve("clinic-seed.txt");
        new ClinicSeedFile(List.of(new Seeded(0, "cardiology", P1)), List.of(PATIENT)).write(file);

        new ClinicSeedFile(List.of(), List.of(PATIENT, PATIENT)).write(file);

        assertThat(ClinicSeedFile.read(file).practitioners()).isEmpty();
        assertThat(ClinicSeedFile.read(file).patients()).hasSize(2);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void comments_and_blank_lines_are_skipped_and_a_bad_line_is_named() {
        ClinicSeedFile parsed = ClinicSeedFile.parse(
                List.of("# comment", "", "practitioner 3 neurology " + P1, "  patient " + PATIENT + "  "), "f");
        assertThat(parsed.practitioners()).containsExactly(new Seeded(3, "neurology", P1));
        assertThat(parsed.patients()).containsExactly(PATIENT);

        assertThatThrownBy(() -> ClinicSeedFile.parse(List.of("patient not-a-uuid"), "seed.txt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("seed.txt:1");
        assertThatThrownBy(() -> ClinicSeedFile.parse(List.of("#", "practitioner x cardiology " + P1), "seed.txt"))
                .hasMessageContaining("seed.txt:2");
    }
}
