package org.hms.emergency.alert;

import java.time.Instant;
import java.util.UUID;

/**
 * One event of the live stream ({@code GET /api/v1/alerts/stream}); the SSE event name is its
 * {@code type}.
 *
 * @param eventId the id of the hms.emergency event it comes from (the SSE id)
 * @param type alert-raised, alert-acknowledged, alert-escalated, or board-changed (an ED visit
 *     arrived, was triaged, identified, seen or departed: re-read the board)
 * @param change for board-changed: arrived, triaged, identified, seen or departed
 * @param alertId for the alert types
 * @param severity critical or high, for alert-raised and alert-escalated
 */
public record AlertNotice(
        UUID eventId,
        String type,
        String change,
        UUID alertId,
        UUID visitId,
        UUID patientId,
        String severity,
        String location,
        String reason,
        Instant at) {}
