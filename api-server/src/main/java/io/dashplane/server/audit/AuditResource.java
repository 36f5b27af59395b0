package io.dashplane.server.audit;

import io.dashplane.server.http.Paging;
import io.dashplane.server.http.ProblemException;
import io.dashplane.server.storage.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** GET /api/v1/audit?env=&kind=&uid=&actor=&since=&until=&page=&perPage= (newest first). */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit")
public final class AuditResource {
    private final AuditService service;

    public AuditResource(AuditService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "Query the audit log")
    public Page<AuditEntry> list(@QueryParam("env") String env, @QueryParam("kind") String kind,
                                 @QueryParam("uid") String uid, @QueryParam("actor") String actor,
                                 @QueryParam("since") String since, @QueryParam("until") String until,
                                 @QueryParam("page") String page, @QueryParam("perPage") String perPage) {
        return service.list(new AuditQuery(blankToNull(env), blankToNull(kind), blankToNull(uid), blankToNull(actor),
                instant("since", since), instant("until", until)), Paging.parse(page, perPage));
    }

    private static String instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return AuditLog.timestamp(Instant.parse(value.trim()));
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter(name, name + " must be an RFC 3339 timestamp such as 2026-01-31T12:00:00Z");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
