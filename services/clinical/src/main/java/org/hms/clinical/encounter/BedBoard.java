package org.hms.clinical.encounter;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hms.platform.audit.PatientData;

/** A ward's beds as they are now: occupied (by whom), free, or being cleaned. */
public record BedBoard(String ward, String name, int free, int occupied, int cleaning, List<BedState> beds)
        implements PatientData {

    /** One bed; encounterId and patientId only when occupied. */
    public record BedState(
            String label,
            @Schema(enumeration = {"occupied", "free", "cleaning"}) String status,
            UUID encounterId,
            UUID patientId) {}

    static BedBoard of(Ward ward, List<Object[]> rows) {
        List<BedState> beds = rows.stream().map(BedBoard::state).toList();
        return new BedBoard(ward.code, ward.name, count(beds, "free"), count(beds, "occupied"),
                count(beds, "cleaning"), beds);
    }

    private static BedState state(Object[] row) {
        UUID encounter = (UUID) row[2];
        String status = encounter != null ? "occupied" : row[1].toString().toLowerCase();
        return new BedState((String) row[0], status, encounter, (UUID) row[3]);
    }

    private static int count(List<BedState> beds, String status) {
        return (int) beds.stream().filter(b -> b.status().equals(status)).count();
    }

    @Override
    public List<UUID> patientIds() {
        return beds.stream().map(BedState::patientId).filter(Objects::nonNull).toList();
    }
}
