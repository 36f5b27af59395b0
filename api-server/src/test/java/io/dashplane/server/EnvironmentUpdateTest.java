package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** {@code PATCH /api/v1/environments/{env}} changes the description in place; the content stays. */
class EnvironmentUpdateTest extends ServerTestSupport {

    private Api.Reply patch(String path, String body, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(path)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return api.send(request);
    }

    @Test
    void aNewDescriptionIsStoredInPlaceWithANewVersionAndTheContentStays() {
        assertEquals(201, api.post("/api/v1/environments", "{\"name\": \"staging\", \"description\": \"pre-prod\"}").status());
        assertEquals(201, api.post("/api/v1/environments/staging/folders", "{\"uid\": \"f\", \"title\": \"F\"}").status());
        long orgId = api.get("/api/v1/environments/staging").json().get("orgId").asLong();

        Api.Reply changed = patch("/api/v1/environments/staging", "{\"description\": \"pre-production\"}", "\"1\"");
        assertEquals(200, changed.status(), changed.toString());
        assertEquals("\"2\"", changed.header("ETag"));
        assertEquals("pre-production", changed.json().get("description").asText());
        assertEquals(2, changed.json().get("version").asLong());

        var read = api.get("/api/v1/environments/staging").json();
        assertEquals("pre-production", read.get("description").asText());
        assertEquals(orgId, read.get("orgId").asLong());
        assertEquals(200, api.get("/api/v1/environments/staging/folders/f").status());

        Api.Reply same = patch("/api/v1/environments/staging", "{\"description\": \"pre-production\"}", null);
        assertEquals(2, same.json().get("version").asLong(), "the same description is no new version: " + same);
    }

    @Test
    void aStaleVersionABadValidationModeAndAnUnknownEnvironmentAreRefusedAndAnEmptyPatchChangesNothing() {
        assertEquals(201, api.post("/api/v1/environments", "{\"name\": \"staging\"}").status());
        Api.Reply stale = patch("/api/v1/environments/staging", "{\"description\": \"x\", \"version\": 7}", null);
        assertEquals(409, stale.status(), stale.toString());
        assertTrue(stale.contentType().startsWith("application/problem+json"), stale.toString());

        Api.Reply badMode = patch("/api/v1/environments/staging", "{\"validation\": \"lenient\"}", null);
        assertEquals(422, badMode.status(), badMode.toString());
        assertEquals("/validation", badMode.json().at("/errors/0/pointer").asText(), badMode.toString());

        Api.Reply empty = patch("/api/v1/environments/staging", "{}", null);
        assertEquals(200, empty.status(), empty.toString());
        assertEquals(1, empty.json().get("version").asLong(), "a PATCH without members keeps everything: " + empty);

        Api.Reply unknown = patch("/api/v1/environments/nowhere", "{\"description\": \"x\"}", null);
        assertEquals(404, unknown.status(), unknown.toString());
        assertEquals("", api.get("/api/v1/environments/staging").json().get("description").asText());
    }
}
