package org.hms.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What {@code ./hms seed clinic} created, for {@code ./hms load clinic} to use: one line per
 * practitioner ({@code practitioner <index> <specialty> <id>}, the index into
 * {@link ClinicPlan#practitioner(int)}) and per patient ({@code patient <id>}), in a plain text
 * file so that it can be read with {@code grep} as well. Comments start with {@code #}.
 */
public record ClinicSeedFile(List<Seeded> practitioners, List<String> patients) {

    private static final Pattern ID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** A seeded practitioner: its place in the plan and the id scheduling gave it. */
    public record Seeded(int index, String specialty, String id) {}

    public ClinicSeedFile {
        practitioners = List.copyOf(practitioners);
        patients = List.copyOf(patients);
    }

    public static Optional<ClinicSeedFile> readIfExists(Path file) {
        return Files.exists(file) ? Optional.of(read(file)) : Optional.empty();
    }

    public static ClinicSeedFile read(Path file) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the clinic seed file " + file, e);
        }
    }

    static ClinicSeedFile parse(List<String> lines, String source) {
        List<Seeded> practitioners = new ArrayList<>();
        List<String> patients = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f[0].equals("practitioner") && f.length == 4 && f[1].matches("\\d{1,6}")
                    && ID.matcher(f[3]).matches()) {
                practitioners.add(new Seeded(Integer.parseInt(f[1]), f[2], f[3]));
            } else if (f[0].equals("patient") && f.length == 2 && ID.matcher(f[1]).matches()) {
                patients.add(f[1]);
            } else {
                throw new IllegalArgumentException(source + ":" + (n + 1) + ": not a seed line: " + line);
            }
        }
        return new ClinicSeedFile(practitioners, patients);
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("# written by ./hms seed clinic (SeedClinicSimulation); read by ./hms load clinic");
        practitioners.forEach(p -> lines.add("practitioner " + p.index() + " " + p.specialty() + " " + p.id()));
        patients.forEach(id -> lines.add("patient " + id));
        return lines;
    }

    /** Writes the file whole or not at all (a temporary file moved into place). */
    public void write(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            Files.write(tmp, lines(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the clinic seed file " + file, e);
        }
    }
}
