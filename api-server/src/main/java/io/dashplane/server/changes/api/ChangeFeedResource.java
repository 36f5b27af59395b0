package io.dashplane.server.changes.api;

import io.dashplane.server.changes.ChangeBatch;
import io.dashplane.server.http.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/v1/environments/{env}/changes?since=&wait=}: the change feed, with long polling. */
@Path("/api/v1/environments/{env}/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "changes")
public final class ChangeFeedResource {
    private final ChangeFeedService service;

    public ChangeFeedResource(ChangeFeedService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "Changes to the environment's content after a sequence number; wait=N (max 60) long-polls")
    public ChangeBatch changes(@PathParam("env") String env, @QueryParam("since") String since,
                               @QueryParam("wait") String wait) throws InterruptedException {
        long from = number("since", since, 0, Long.MAX_VALUE, "a sequence number (0 or more)");
        int seconds = (int) number("wait", wait, 0, ChangeFeedService.MAX_WAIT_SECONDS,
                "a number of seconds from 0 to " + ChangeFeedService.MAX_WAIT_SECONDS);
        return service.changes(env, from, seconds);
    }

    private static long number(String name, String value, long min, long max, String what) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            long n = Long.parseLong(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badParameter(name, name + " must be " + what);
    }
}
