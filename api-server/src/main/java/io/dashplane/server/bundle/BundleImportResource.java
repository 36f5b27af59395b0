package io.dashplane.server.bundle;

import io.dashplane.server.audit.Actor;
import io.dashplane.server.http.QueryFlag;
import io.dashplane.server.promotion.PromotionOutcome;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code POST .../environments/{env}/import}: a bundle, planned (dryRun) or applied like a promotion. */
@Path("/api/v1/environments/{env}/import")
@Tag(name = "bundles")
public final class BundleImportResource {
    private final BundleService service;

    public BundleImportResource(BundleService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Plan (dryRun=true) or apply a bundle import (JSON, YAML, or {bundle, secrets})")
    public PromotionOutcome importBundle(@PathParam("env") String env, @QueryParam("dryRun") QueryFlag dryRun,
                                         @QueryParam("prune") QueryFlag prune,
                                         String body) {
        return service.importBundle(env, body, QueryFlag.isSet(dryRun), QueryFlag.isSet(prune),
                Actor.current().name());
    }
}
