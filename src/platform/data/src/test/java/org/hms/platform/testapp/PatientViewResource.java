package org.hms.platform.testapp;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import java.util.UUID;
import org.hms.platform.patientview.PatientFact;
import org.hms.platform.patientview.PatientView;
import org.hms.platform.security.Roles;

/** Lets tests look patients up in the test application's patient view, as a service's code would. */
@Path("/test/patient-view")
public class PatientViewResource {

    private final PatientView view;

    public PatientViewResource(PatientView view) {
        this.view = view;
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.NURSE)
    public Uni<PatientFact> find(UUID id) {
        return view.find(id).onItem().ifNull().failWith(NotFoundException::new);
    }
}
