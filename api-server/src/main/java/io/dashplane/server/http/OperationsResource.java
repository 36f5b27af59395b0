package io.dashplane.server.http;

import io.dashplane.server.storage.Database;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** Liveness, readiness and Prometheus metrics. */
@Path("/")
@Tag(name = "operations")
public final class OperationsResource {
    private final Database db;
    private final CollectorRegistry registry;

    public OperationsResource(Database db, CollectorRegistry registry) {
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
    public Response ready() {
        if (db.isReachable()) {
            return Response.ok(Map.of("status", "ready")).build();
        }
        return Problems.simple(503, "unavailable", "Not ready", "the database is not reachable");
    }

    @GET
    @Path("metrics")
    @Produces(TextFormat.CONTENT_TYPE_004)
    @Operation(summary = "Prometheus metrics (text format 0.0.4)")
    public String metrics() {
        StringWriter out = new StringWriter();
        try {
            TextFormat.write004(out, registry.metricFamilySamples());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
