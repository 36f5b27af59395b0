package io.dashplane.server.http;

import io.dashplane.server.storage.Database;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** Liveness, readiness and Prometheus metrics. */
@Path("/")
@Tag(name = "operations")
public final class OperationsResource {
    private final Database db;
    private final PrometheusRegistry registry;
    private final ExpositionFormats formats = ExpositionFormats.init();

    public OperationsResource(Database db, PrometheusRegistry registry) {
        this.db = db;
        this.registry = registry;
    }

    @GET
    @Path("healthz")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Liveness: the process is up")
    public Map<String, String> health() {
        return Map.of("status", "ok");
    }

    @GET
    @Path("readyz")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Readiness: the database answers")
    @ApiResponse(responseCode = "200", description = "Ready", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = "object", example = "{\"status\":\"ready\"}")))
    public Response ready() {
        if (db.isReachable()) {
            return Response.ok(Map.of("status", "ready")).build();
        }
        return Problems.simple(503, "unavailable", "Not ready", "the database is not reachable");
    }

    @GET
    @Path("metrics")
    @Produces({"text/plain", "application/openmetrics-text", "application/vnd.google.protobuf"})
    @Operation(summary = "Prometheus metrics",
            description = "Prometheus text format 0.0.4 by default; OpenMetrics text or Prometheus protobuf when the "
                    + "Accept header asks for them (as Prometheus' scraper does)")
    @ApiResponse(responseCode = "200", description = "Prometheus metrics in the negotiated exposition format", content = {
            @Content(mediaType = "text/plain", schema = @Schema(type = "string")),
            @Content(mediaType = "application/openmetrics-text", schema = @Schema(type = "string")),
            @Content(mediaType = "application/vnd.google.protobuf", schema = @Schema(type = "string", format = "binary"))})
    public Response metrics(@HeaderParam(HttpHeaders.ACCEPT) String accept) {
        ExpositionFormatWriter writer = formats.findWriter(accept);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Response.ok(out.toByteArray()).type(writer.getContentType()).build();
    }
}
