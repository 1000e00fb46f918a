package org.hms.patients.patient;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hms.contracts.patients.Address;
import org.hms.contracts.patients.ContactPerson;
import org.hms.contracts.patients.Gender;
import org.hms.contracts.patients.HumanName;
import org.hms.contracts.patients.Identifier;
import org.hms.platform.audit.PatientData;

/** A patient as clients see it: the registration fields plus id, MRN and version. */
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
        var d = p.details();
        return new PatientResponse(p.id, p.mrn, p.version, d.name(), d.birthDate(), d.gender(), d.identifiers(),
                d.phone(), d.email(), d.address(), d.emergencyContact(), d.preferredLanguage());
    }

    @Override
    public List<UUID> patientIds() {
        return List.of(id);
    }
}
