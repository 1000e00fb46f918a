package org.hms.patients.patient;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hms.patients.patient.PatientDemographics.Address;
import org.hms.patients.patient.PatientDemographics.ContactPerson;
import org.hms.patients.patient.PatientDemographics.Gender;
import org.hms.patients.patient.PatientDemographics.HumanName;
import org.hms.patients.patient.PatientDemographics.Identifier;
import org.hms.platform.audit.PatientData;

/**
 * A patient as clients see it: the registration fields plus id, MRN and version. The API's own
 * record (its nested types are {@link PatientDemographics}'), never an event payload.
 */
public record PatientResponse(
        UUID id,
        String mrn,
        long version,
        HumanName name,
        LocalDate birthDate,
        Gender gender,
        List<Identifier> identifiers,
        String phone,
        String email,
        Address address,
        ContactPerson emergencyContact,
        String preferredLanguage)
        implements PatientData {

    static PatientResponse of(Patient p) {
        return PatientMapper.toResponse(p);
    }

    @Override
    public List<UUID> patientIds() {
        return List.of(id);
    }
}
