package io.dashplane.server.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * swagger's Reader files the schema it infers from a resource method's return type under {@code default}, which
 * {@link ProblemResponses} reserves for errors: such an operation answers 200 with that schema. Methods returning a
 * {@code Response} declare their success responses with {@code @ApiResponse} and are left as they are.
 */
final class SuccessResponses {
    private SuccessResponses() {
    }

    static void fromReturnTypes(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().values().forEach(path -> path.readOperations().forEach(op -> {
            ApiResponses responses = op.getResponses();
            if (responses == null) {
                return;
            }
            ApiResponse inferred = responses.get("default");
            boolean declared = responses.keySet().stream().anyMatch(code -> code.startsWith("2"));
            if (inferred != null && inferred.getContent() != null && !declared) {
                responses.remove("default");
                responses.addApiResponse("200", inferred.description("OK"));
            }
        }));
    }
}
