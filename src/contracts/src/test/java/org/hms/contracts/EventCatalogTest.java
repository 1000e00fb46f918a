package org.hms.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
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
import org.hms.contracts.patients.Address;
import org.hms.contracts.patients.ContactPerson;
import org.hms.contracts.patients.Gender;
import org.hms.contracts.patients.HumanName;
import org.hms.contracts.patients.Identifier;
import org.hms.contracts.patients.PatientDetails;
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
import org.hms.contracts.system.SystemDescriptor;
import org.hms.contracts.system.TopicEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventCatalogTest {

    static final UUID PATIENT = UUID.randomUUID();
    static final UUID USER = UUID.randomUUID();

    static final PatientDetails ZOFIA = new PatientDetails(
            new HumanName("Kowalska", List.of("Zofia", "Maria")),
            LocalDate.of(1984, 3, 7),
            Gender.FEMALE,
            List.of(new Identifier("national-id", "84030712345")),
            "+48 600 100 200",
            "zofia@example.org",
            new Address(List.of("ul. Długa 5"), "Kraków", "31-147", "PL"),
            new ContactPerson("Jan Kowalski", "spouse", "+48 600 100 201"),
            "pl");

    /** One instance of every catalogued event, as a producer would build it. */
    static final Map<EventContract, DomainEvent> SAMPLES = Map.ofEntries(
            Map.entry(PatientRegistered.CONTRACT, new PatientRegistered(PATIENT, "P1000007", 0, ZOFIA)),
            Map.entry(PatientUpdated.CONTRACT, new PatientUpdated(PATIENT, "P1000007", 1, ZOFIA)),
            Map.entry(PatientMerged.CONTRACT, new PatientMerged(PATIENT, UUID.randomUUID(), "P1000015", 2)),
            Map.entry(PatientErased.CONTRACT, new PatientErased(PATIENT, Instant.now(), 3)),
            Map.entry(UserCreated.CONTRACT,
                    new UserCreated(USER, "a.nowak", "Dr Anna Nowak", List.of("physician"), UUID.randomUUID(), null,
                            true, 0)),
            Map.entry(UserRolesChanged.CONTRACT,
                    new UserRolesChanged(USER, "a.nowak", List.of("physician", "admin"), List.of("physician"), 1)),
            Map.entry(UserDisabled.CONTRACT, new UserDisabled(USER, "a.nowak", 2)),
            Map.entry(UserEnabled.CONTRACT, new UserEnabled(USER, "a.nowak", 3)),
            Map.entry(AuditRecorded.CONTRACT,
                    new AuditRecorded(
                            "dev-nurse", List.of("nurse"), "read", "Patient", PATIENT.toString(), List.of(PATIENT),
                            "success", 200, "patients", "GET", "/api/v1/patients/" + PATIENT, "req-1", null,
                            Instant.now())),
            Map.entry(AppointmentCheckedIn.CONTRACT, new AppointmentCheckedIn(UUID.randomUUID(), PATIENT, UUID.randomUUID(),
                    Instant.parse("2026-12-01T07:00:00Z"), 15, "consultation", Instant.now(), 1)),
            Map.entry(VitalsAlertRaised.CONTRACT, new VitalsAlertRaised(UUID.randomUUID(), PATIENT, null, null, null,
                    Instant.now(), 7, "high", Map.of("respiratoryRate", 3, "pulse", 2, "temperature", 2),
                    List.of("respiratoryRate", "pulse", "temperature"), Instant.now())),
            Map.entry(AppointmentBooked.CONTRACT, new AppointmentBooked(UUID.randomUUID(), PATIENT, UUID.randomUUID(),
                    Instant.parse("2026-12-01T07:00:00Z"), 15, "consultation", Instant.now(), 0)),
            Map.entry(AppointmentRescheduled.CONTRACT, new AppointmentRescheduled(UUID.randomUUID(), PATIENT,
                    UUID.randomUUID(), Instant.parse("2026-12-01T07:00:00Z"), Instant.parse("2026-12-01T07:15:00Z"), 15,
                    1)),
            Map.entry(AppointmentCancelled.CONTRACT, new AppointmentCancelled(UUID.randomUUID(), PATIENT,
                    UUID.randomUUID(), Instant.parse("2026-12-01T07:00:00Z"), 15, "requested", Instant.now(), 1)),
            Map.entry(AppointmentNoShow.CONTRACT, new AppointmentNoShow(UUID.randomUUID(), PATIENT, UUID.randomUUID(),
                    Instant.parse("2026-12-01T07:00:00Z"), 15, "consultation", Instant.now(), 1)),
            Map.entry(AppointmentCompleted.CONTRACT, new AppointmentCompleted(UUID.randomUUID(), PATIENT,
                    UUID.randomUUID(), Instant.parse("2026-12-01T07:00:00Z"), 15, "consultation", Instant.now(), 2)),
            Map.entry(EdVisitArrived.CONTRACT, new EdVisitArrived(UUID.randomUUID(), null, "UNKNOWN-7F3K2Q", Instant.now())),
            Map.entry(EdVisitTriaged.CONTRACT,
                    new EdVisitTriaged(UUID.randomUUID(), PATIENT, 2, 3, "danger-zone vitals", true, Instant.now())),
            Map.entry(EdVisitIdentified.CONTRACT,
                    new EdVisitIdentified(UUID.randomUUID(), PATIENT, "UNKNOWN-7F3K2Q", Instant.now())),
            Map.entry(EdVisitSeen.CONTRACT, new EdVisitSeen(UUID.randomUUID(), PATIENT, Instant.now())),
            Map.entry(EdVisitDeparted.CONTRACT, new EdVisitDeparted(UUID.randomUUID(), PATIENT, "admitted", Instant.now())),
            Map.entry(AlertRaised.CONTRACT, new AlertRaised(UUID.randomUUID(), PATIENT, UUID.randomUUID(), "critical", "triage", "ED",
                    "ESI 1: immediate life-saving intervention", Instant.now())),
            Map.entry(AlertAcknowledged.CONTRACT, new AlertAcknowledged(UUID.randomUUID(), PATIENT, "a.nowak", Instant.now())),
            Map.entry(AlertEscalated.CONTRACT, new AlertEscalated(UUID.randomUUID(), PATIENT, "critical", 300, Instant.now())),
            Map.entry(EncounterOpened.CONTRACT, new EncounterOpened(UUID.randomUUID(), PATIENT, "outpatient",
                    UUID.randomUUID(), UUID.randomUUID(), Instant.now(), 0)),
            Map.entry(PatientAdmitted.CONTRACT,
                    new PatientAdmitted(UUID.randomUUID(), PATIENT, "CARD-A", "12", Instant.now(), 0)),
            Map.entry(PatientTransferred.CONTRACT, new PatientTransferred(UUID.randomUUID(), PATIENT, "CARD-A", "12",
                    "MED-1", "3", Instant.now(), 1)),
            Map.entry(PatientDischarged.CONTRACT,
                    new PatientDischarged(UUID.randomUUID(), PATIENT, null, null, Instant.now(), 2)),
            Map.entry(VitalsRecorded.CONTRACT, new VitalsRecorded(UUID.randomUUID(), PATIENT, null, Instant.now(), 26, 90,
                    1, false, 95, 120, "A", new java.math.BigDecimal("38.5"), 11, "high")),
            Map.entry(ConditionRecorded.CONTRACT, new ConditionRecorded(UUID.randomUUID(), PATIENT, "J44.1", "active",
                    LocalDate.of(2019, 5, 1), Instant.now())),
            Map.entry(AllergyRecorded.CONTRACT, new AllergyRecorded(UUID.randomUUID(), PATIENT, "rxnorm", "7980",
                    "allergy", "high", "severe", Instant.now())),
            Map.entry(NoteSigned.CONTRACT,
                    new NoteSigned(UUID.randomUUID(), PATIENT, null, "progress", "a.nowak", Instant.now())),
            Map.entry(NoteAmended.CONTRACT,
                    new NoteAmended(UUID.randomUUID(), UUID.randomUUID(), PATIENT, "a.nowak", Instant.now())));

    static List<EventContract> contracts() {
        return EventCatalog.ALL;
    }

    @Test
    void everyCataloguedTypeHasASample() {
        assertThat(SAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(EventCatalog.ALL);
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void eachEventSerialisesToJsonItsSchemaAccepts(EventContract contract) {
        DomainEvent event = SAMPLES.get(contract);
        JsonNode json = EventSchemas.JSON.valueToTree(event);

        assertThat(EventSchemas.violations(contract, json)).isEmpty();
        assertThat(event.contract()).isEqualTo(contract);
        assertThat(json.has("contract")).as("the contract is metadata, not payload").isFalse();
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void consumersAcceptTheSchemaExamplesWithUnknownFieldsAdded(EventContract contract) throws IOException {
        List<JsonNode> examples = EventSchemas.examples(contract);
        assertThat(examples).isNotEmpty();
        for (JsonNode example : examples) {
            assertThat(EventSchemas.violations(contract, example)).isEmpty();
            ObjectNode newer = example.deepCopy();
            newer.put("fieldAddedInALaterVersion", "ignored");
            Object read = EventSchemas.JSON.treeToValue(newer, contract.payload());
            assertThat(EventSchemas.JSON.valueToTree(read).get("fieldAddedInALaterVersion")).isNull();
            assertThat(((DomainEvent) read).subject()).isNotBlank();
        }
    }

    @Test
    void aPayloadMissingARequiredFieldIsRejectedBySchema() {
        ObjectNode json = EventSchemas.JSON.valueToTree(SAMPLES.get(PatientRegistered.CONTRACT));
        json.remove("mrn");
        assertThat(EventSchemas.violations(PatientRegistered.CONTRACT, json)).anyMatch(v -> v.contains("mrn"));
    }

    @Test
    void anAccountEventCarryingAPasswordHashIsRejectedBySchema() {
        ObjectNode json = EventSchemas.JSON.valueToTree(SAMPLES.get(UserCreated.CONTRACT));
        json.put("passwordHash", "$2a$12$abcdefghijklmnopqrstuv");
        assertThat(EventSchemas.violations(UserCreated.CONTRACT, json)).isNotEmpty();
    }

    @Test
    void everyTopicOfTheCatalogueIsDeclaredWithItsDeadLetterTopic() {
        Set<String> declared = SystemDescriptor.load().topicsWithDeadLetters().stream()
                .map(TopicEntry::name)
                .collect(Collectors.toSet());
        for (EventContract contract : EventCatalog.ALL) {
            assertThat(declared).contains(contract.topic(), Topics.deadLetter(contract.topic()));
        }
    }
}
