package io.dashplane.server.provisioning;

import io.dashplane.server.errors.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code POST /api/v1/admin/provisioning/reload}: loads the configured provisioning directory again. */
@Path("/api/v1/admin/provisioning")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "provisioning")
public final class ProvisioningResource {
    private final ProvisioningService service;
    private final java.nio.file.Path directory;
    private final java.util.Map<String, String> variables;

    public ProvisioningResource(ProvisioningService service, java.nio.file.Path directory,
                                java.util.Map<String, String> variables) {
        this.service = service;
        this.directory = directory;
        this.variables = variables;
    }

    @POST
    @Path("reload")
    @Operation(summary = "Reload the provisioning directory; 422 with file:line messages when a file has errors")
    public ProvisioningResult reload() {
        if (directory == null) {
            throw DomainException.conflict("no provisioning directory is configured (--provisioning-dir, "
                    + "DASHPLANE_PROVISIONING_DIR or provisioningDir in the config file)");
        }
        return service.load(directory, variables);
    }
}
