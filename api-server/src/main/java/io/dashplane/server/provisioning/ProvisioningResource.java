package io.dashplane.server.provisioning;

import io.dashplane.server.errors.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code POST /api/v1/admin/provisioning/reload}: loads the configured provisioning directory again;
 * {@code GET /api/v1/admin/provisioning/status}: the dashboard providers and their periodic rescans.
 */
@Path("/api/v1/admin/provisioning")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "provisioning")
public final class ProvisioningResource {
    private final ProvisioningService service;
    private final ProvisioningSource source;
    private final ProvisioningRescanner rescanner;

    /** The status of provisioning: the directory, whether rescans run, and per dashboard provider its rescans. */
    public record Status(String directory, boolean periodicRescan, List<ProvisioningRescanner.ProviderStatus> providers) {
    }

    /**
     * @param source    null when no provisioning directory is configured
     * @param rescanner null when periodic rescans are off
     */
    public ProvisioningResource(ProvisioningService service, ProvisioningSource source, ProvisioningRescanner rescanner) {
        this.service = service;
        this.source = source;
        this.rescanner = rescanner;
    }

    @POST
    @Path("reload")
    @Operation(summary = "Reload the provisioning directory; 422 with file:line messages when a file has errors")
    public ProvisioningResult reload() {
        if (source == null) {
            throw notConfigured();
        }
        return service.load(source);
    }

    @GET
    @Path("status")
    @Operation(summary = "The dashboard providers of the last load and their periodic rescans (last error included)")
    public Status status() {
        if (source == null) {
            throw notConfigured();
        }
        return new Status(source.directory().toString(), rescanner != null,
                rescanner != null ? rescanner.status() : List.of());
    }

    private static DomainException notConfigured() {
        return DomainException.conflict("no provisioning directory is configured (--provisioning-dir, "
                + "DASHPLANE_PROVISIONING_DIR or provisioningDir in the config file)");
    }
}
