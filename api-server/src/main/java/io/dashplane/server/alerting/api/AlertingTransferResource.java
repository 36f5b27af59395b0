package io.dashplane.server.alerting.api;

import io.dashplane.schema.alerting.provisioning.ProvisioningFile;
import io.dashplane.schema.alerting.provisioning.ProvisioningFiles;
import io.dashplane.server.alerting.AlertingServices;
import io.dashplane.server.alerting.AlertingTransferService;
import io.dashplane.server.alerting.ImportResult;
import io.dashplane.server.http.ProblemException;
import io.dashplane.server.http.QueryFlag;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/** Export and import of an environment's alerting configuration in Grafana's provisioning file format. */
@Path("/api/v1/environments/{env}/alerting")
@Tag(name = "alerting")
public final class AlertingTransferResource {
    static final String YAML = "application/yaml";

    private final AlertingTransferService service;

    public AlertingTransferResource(AlertingServices alerting) {
        this.service = alerting.transfer();
    }

    @GET
    @Path("export")
    @Produces({YAML, MediaType.APPLICATION_JSON})
    @Operation(summary = "Export as a Grafana provisioning file (format=yaml|json; decrypt=true includes secret values and needs Admin)")
    @ApiResponse(responseCode = "200", description = "Grafana's alerting provisioning file", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object")),
            @Content(mediaType = YAML, schema = @Schema(type = "string"))})
    public Response export(@PathParam("env") String env, @QueryParam("format") String format,
                           @QueryParam("decrypt") QueryFlag decrypt) {
        boolean json = isJson(format);
        ProvisioningFile file = service.export(env, QueryFlag.isSet(decrypt));
        return json ? Response.ok(ProvisioningFiles.writeJson(file), MediaType.APPLICATION_JSON_TYPE).build()
                : Response.ok(ProvisioningFiles.writeYaml(file), YAML).build();
    }

    @POST
    @Path("import")
    @Consumes({YAML, "application/x-yaml", "text/yaml", "text/plain", MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a Grafana provisioning file (YAML or JSON); dryRun=true validates and rolls back")
    public ImportResult importFile(@PathParam("env") String env, @QueryParam("dryRun") QueryFlag dryRun,
                                   @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) throws IOException {
        boolean dry = QueryFlag.isSet(dryRun);
        if (body == null || body.isBlank()) {
            throw ProblemException.malformed("", "the body must be an alerting provisioning file (YAML or JSON)");
        }
        boolean json = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.APPLICATION_JSON);
        ProvisioningFile file = json ? ProvisioningFiles.readJson(body) : ProvisioningFiles.readYaml(body);
        return service.importFile(env, file, dry);
    }

    private static boolean isJson(String format) {
        if (format == null || format.isBlank() || format.equalsIgnoreCase("yaml") || format.equalsIgnoreCase("yml")) {
            return false;
        }
        if (format.equalsIgnoreCase("json")) {
            return true;
        }
        throw ProblemException.badParameter("format", "format must be yaml or json");
    }
}
