package io.dashplane.server.validation;

import io.dashplane.server.errors.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/environments/{env}/validate")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "validation")
public final class ValidationResource {
    private final ValidationService service;

    public ValidationResource(ValidationService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check many writes as their dry runs would, taking planned objects as existing; writes nothing")
    public ValidationResponse validate(@PathParam("env") String env, @Valid ValidationRequest body) {
        if (body == null) {
            throw DomainException.malformed("", "a JSON object body is required");
        }
        return service.validate(env, body);
    }
}
