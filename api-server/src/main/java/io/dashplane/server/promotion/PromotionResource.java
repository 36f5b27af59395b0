package io.dashplane.server.promotion;

import io.dashplane.server.audit.Actor;
import io.dashplane.server.http.Paging;
import io.dashplane.server.http.RequestBodies;
import io.dashplane.server.storage.Page;
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
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * {@code /api/v1/promotions}: compute (dry run) or run a promotion, apply a stored plan by id, list the record.
 * The actor recorded is the authenticated service account ({@link Actor#current()}); the former
 * {@value #ACTOR_HEADER} header is ignored (a client could claim any name with it).
 */
@Path("/api/v1/promotions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "promotions")
public final class PromotionResource {
    public static final String ACTOR_HEADER = "X-Dashplane-Actor";

    private final PromotionService service;

    public PromotionResource(PromotionService service) {
        this.service = service;
    }

    /**
     * The optional body of {@code POST /api/v1/promotions/{planId}/apply}: secrets for import plans, per datasource
     * uid and per contact point name ({@code "<integration index>/<key>"}).
     */
    public record ApplyRequest(Map<String, Map<String, String>> secrets,
                               Map<String, Map<String, String>> contactPointSecrets) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Plan (dryRun) or run a promotion from one environment to another")
    public PromotionOutcome promote(PromotionRequest body) {
        return service.promote(RequestBodies.require(body), Actor.current().name());
    }

    @POST
    @Path("{planId}/apply")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Apply a stored plan exactly; 409 when the target changed since it was computed")
    public PromotionOutcome apply(@PathParam("planId") String planId,
                                  ApplyRequest body) {
        return service.apply(planId, body == null ? null : body.secrets(),
                body == null ? null : body.contactPointSecrets(), Actor.current().name());
    }

    @GET
    @Operation(summary = "Applied promotions and imports, newest first")
    public Page<PromotionRecord> list(@QueryParam("page") String page, @QueryParam("perPage") String perPage) {
        return service.list(Paging.parse(page, perPage));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One applied promotion or import")
    public PromotionRecord get(@PathParam("id") String id) {
        return service.get(id);
    }

    @GET
    @Path("plans/{planId}")
    @Operation(summary = "A stored plan")
    public ChangePlan plan(@PathParam("planId") String planId) {
        return service.getPlan(planId);
    }
}
