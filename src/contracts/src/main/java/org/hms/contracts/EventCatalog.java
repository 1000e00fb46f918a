package org.hms.contracts;

import java.util.List;
import java.util.Optional;
import org.hms.contracts.audit.AuditRecorded;
import org.hms.contracts.clinical.AllergyRecorded;
import org.hms.contracts.clinical.ConditionRecorded;
import org.hms.contracts.clinical.EncounterOpened;
import org.hms.contracts.clinical.NoteAmended;
import org.hms.contracts.clinical.NoteSigned;
import org.hms.contracts.clinical.PatientAdmitted;
import org.hms.contracts.clinical.PatientDischarged;
import org.hms.contracts.clinical.PatientTransferred;
import org.hms.contracts.clinical.VitalsAlertRaised;
import org.hms.contracts.emergency.EdVisitArrived;
import org.hms.contracts.emergency.EdVisitTriaged;
import org.hms.contracts.emergency.EdVisitIdentified;
import org.hms.contracts.emergency.EdVisitSeen;
import org.hms.contracts.emergency.EdVisitDeparted;
import org.hms.contracts.emergency.AlertRaised;
import org.hms.contracts.emergency.AlertAcknowledged;
import org.hms.contracts.emergency.AlertEscalated;
import org.hms.contracts.clinical.VitalsRecorded;
import org.hms.contracts.identity.UserCreated;
import org.hms.contracts.identity.UserDisabled;
import org.hms.contracts.identity.UserEnabled;
import org.hms.contracts.identity.UserRolesChanged;
import org.hms.contracts.patients.PatientErased;
import org.hms.contracts.patients.PatientMerged;
import org.hms.contracts.patients.PatientRegistered;
import org.hms.contracts.patients.PatientUpdated;
import org.hms.contracts.scheduling.AppointmentBooked;
import org.hms.contracts.scheduling.AppointmentCancelled;
import org.hms.contracts.scheduling.AppointmentCheckedIn;
import org.hms.contracts.scheduling.AppointmentCompleted;
import org.hms.contracts.scheduling.AppointmentNoShow;
import org.hms.contracts.scheduling.AppointmentRescheduled;

/** Every event type HMS produces. A new event type is added here and gets a schema. */
public final class EventCatalog {

    public static final List<EventContract> ALL = List.of(
            PatientRegistered.CONTRACT,
            PatientUpdated.CONTRACT,
            PatientMerged.CONTRACT,
            PatientErased.CONTRACT,
            UserCreated.CONTRACT,
            UserRolesChanged.CONTRACT,
            UserDisabled.CONTRACT,
            UserEnabled.CONTRACT,
            AuditRecorded.CONTRACT,
            AppointmentCheckedIn.CONTRACT,
            VitalsAlertRaised.CONTRACT,
            AppointmentBooked.CONTRACT,
            AppointmentRescheduled.CONTRACT,
            AppointmentCancelled.CONTRACT,
            AppointmentNoShow.CONTRACT,
            AppointmentCompleted.CONTRACT,
            EdVisitArrived.CONTRACT,
            EdVisitTriaged.CONTRACT,
            EdVisitIdentified.CONTRACT,
            EdVisitSeen.CONTRACT,
            EdVisitDeparted.CONTRACT,
            AlertRaised.CONTRACT,
            AlertAcknowledged.CONTRACT,
            AlertEscalated.CONTRACT,
            EncounterOpened.CONTRACT,
            PatientAdmitted.CONTRACT,
            PatientTransferred.CONTRACT,
            PatientDischarged.CONTRACT,
            VitalsRecorded.CONTRACT,
            ConditionRecorded.CONTRACT,
            AllergyRecorded.CONTRACT,
            NoteSigned.CONTRACT,
            NoteAmended.CONTRACT);

    /** The contract whose payload is {@code payload}; fails for a type missing from the catalogue. */
    public static EventContract of(Class<?> payload) {
        return ALL.stream()
                .filter(c -> c.payload().equals(payload))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(payload.getName() + " is not in the event catalogue"));
    }

    public static Optional<EventContract> byType(String type) {
        return ALL.stream().filter(c -> c.type().equals(type)).findFirst();
    }

    private EventCatalog() {}
}
