package io.dashplane.server.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * Every operation's {@code default} response: the RFC 9457 problem document all errors share (with the JSON
 * pointers of validation findings), so generated clients can read errors of every operation.
 */
final class ProblemResponses {
    static final String PROBLEM = "Problem";

    private ProblemResponses() {
    }

    static void addTo(OpenAPI api) {
        Schema<?> finding = new ObjectSchema()
                .addProperty("pointer", new StringSchema().description("RFC 6901 pointer into the request body"))
                .addProperty("message", new StringSchema());
        Schema<?> problem = new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("errors", new ArraySchema().items(finding))
                .addProperty("warnings", new ArraySchema().items(finding));
        api.getComponents().addSchemas(PROBLEM, problem);
        ApiResponse error = new ApiResponse().description("An error, as RFC 9457 problem details")
                .content(new Content().addMediaType("application/problem+json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().values().forEach(path -> path.readOperations().forEach(op -> {
            if (op.getResponses() == null) {
                op.setResponses(new ApiResponses());
            }
            op.getResponses().addApiResponse("default", error);
        }));
    }
}
