package org.hms.patients.patient;

import java.util.List;
import org.hms.contracts.patients.PatientDetails;

/**
 * Between the API's records ({@link PatientDemographics}, {@link PatientResponse}) and the
 * event vocabulary of src/contracts ({@link PatientDetails}, which the entity also stores):
 * the one place where a field of one side is matched to a field of the other. A field added
 * to the API changes the event only if it is mapped here and added to the event's schema.
 */
final class PatientMapper {

    private PatientMapper() {}

    /** What the desk entered, as the demographics the entity records and events carry. */
    static PatientDetails toDetails(PatientDemographics form) {
        return new PatientDetails(
                name(form.name()),
                form.birthDate(),
                org.hms.contracts.patients.Gender.valueOf(form.gender().name()),
                form.identifiers().stream().map(PatientMapper::identifier).toList(),
                form.phone(),
                form.email(),
                form.address() == null ? null : address(form.address()),
                form.emergencyContact() == null ? null : contact(form.emergencyContact()),
                form.preferredLanguage());
    }

    /** A patient as clients see it. */
    static PatientResponse toResponse(Patient p) {
        PatientDetails d = p.details();
        return new PatientResponse(p.id, p.mrn, p.version, name(d.name()), d.birthDate(),
                PatientDemographics.Gender.valueOf(d.gender().name()), identifiers(d.identifiers()), d.phone(),
                d.email(), d.address() == null ? null : address(d.address()),
                d.emergencyContact() == null ? null : contact(d.emergencyContact()), d.preferredLanguage());
    }

    private static org.hms.contracts.patients.HumanName name(PatientDemographics.HumanName n) {
        return new org.hms.contracts.patients.HumanName(n.family(), n.given());
    }

    private static PatientDemographics.HumanName name(org.hms.contracts.patients.HumanName n) {
        return new PatientDemographics.HumanName(n.family(), n.given());
    }

    private static org.hms.contracts.patients.Identifier identifier(PatientDemographics.Identifier i) {
        return new org.hms.contracts.patients.Identifier(i.system(), i.value());
    }

    private static List<PatientDemographics.Identifier> identifiers(List<org.hms.contracts.patients.Identifier> ids) {
        return ids.stream().map(i -> new PatientDemographics.Identifier(i.system(), i.value())).toList();
    }

    private static org.hms.contracts.patients.Address address(PatientDemographics.Address a) {
        return new org.hms.contracts.patients.Address(a.line(), a.city(), a.postalCode(), a.country());
    }

    private static PatientDemographics.Address address(org.hms.contracts.patients.Address a) {
        return new PatientDemographics.Address(a.line(), a.city(), a.postalCode(), a.country());
    }

    private static org.hms.contracts.patients.ContactPerson contact(PatientDemographics.ContactPerson c) {
        return new org.hms.contracts.patients.ContactPerson(c.name(), c.relationship(), c.phone());
    }

    private static PatientDemographics.ContactPerson contact(org.hms.contracts.patients.ContactPerson c) {
        return new PatientDemographics.ContactPerson(c.name(), c.relationship(), c.phone());
    }
}
