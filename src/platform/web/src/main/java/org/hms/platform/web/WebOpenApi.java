package org.hms.platform.web;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The response headers resources declare by reference, once per document:
 * {@code @Header(name = "ETag", ref = "ETag")} (the version, for {@code If-Match}: {@link Versions})
 * and {@code @Header(name = "Location", ref = "Location")} (where a created record lives).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class WebOpenApi implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents()
                .addHeader("ETag", OASFactory.createHeader()
                        .description("The record's version, e.g. \"3\": send it as If-Match to change the record")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)))
                .addHeader("Location", OASFactory.createHeader()
                        .description("The URL of the record")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")));
    }
}
