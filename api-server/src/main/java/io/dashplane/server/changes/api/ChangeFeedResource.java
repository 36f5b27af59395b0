package io.dashplane.server.changes.api;

import io.dashplane.server.changes.ChangeBatch;
import io.dashplane.server.http.ProblemException;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /api/v1/environments/{env}/changes?since=&wait=}: the change feed. With {@code wait} and nothing new,
 * the request is suspended (no worker thread held) until a write brings a change or the wait ends.
 */
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
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = ChangeBatch.class)))
    public void changes(@PathParam("env") String env, @QueryParam("since") String since,
                        @QueryParam("wait") String wait, @Suspended AsyncResponse response) {
        try {
            long from = number("since", since, Long.MAX_VALUE, "a sequence number (0 or more)");
            int seconds = (int) number("wait", wait, ChangeFeedService.MAX_WAIT_SECONDS,
                    "a number of seconds from 0 to " + ChangeFeedService.MAX_WAIT_SECONDS);
            ChangeBatch now = service.read(env, from);
            if (!now.changes().isEmpty() || seconds == 0) {
                response.resume(now);
                return;
            }
            ChangeFeedService.Waiter waiter = new ChangeFeedService.Waiter(env, from, response::resume, response::resume);
            response.setTimeoutHandler(timedOut -> {
                if (service.withdraw(waiter)) {
                    try {
                        timedOut.resume(service.read(env, from));
                    } catch (RuntimeException e) {
                        timedOut.resume(e);
                    }
                } else {
                    timedOut.setTimeout(5, TimeUnit.SECONDS); // being answered by the dispatcher right now
                }
            });
            response.setTimeout(seconds, TimeUnit.SECONDS);
            service.hold(waiter);
        } catch (RuntimeException e) {
            response.resume(e);
        }
    }

    private static long number(String name, String value, long max, String what) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            long n = Long.parseLong(value.trim());
            if (n >= 0 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badParameter(name, name + " must be " + what);
    }
}
