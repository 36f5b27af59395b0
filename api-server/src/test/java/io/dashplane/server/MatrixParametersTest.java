package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** Issue 10 item 8: {@code ;} parameters in a path segment are refused, never silently dropped. */
class MatrixParametersTest extends ServerTestSupport {

    private static void assertRefused(Api.Reply r) {
        assertEquals(400, r.status(), r.toString());
        assertEquals("application/problem+json", r.contentType(), r.toString());
        assertEquals("https://dashplane.io/problems/malformed", r.json().path("type").asText(), r.toString());
        assertTrue(r.json().path("detail").asText().contains("matrix parameters"), r.toString());
    }

    @Test
    void aPathWithMatrixParametersIsRefusedBeforeAnyResourceRuns() {
        assertRefused(api.put(ENV + "/dashboards/abc;evil=1", "{\"dashboard\":{\"title\":\"T\"}}"));
        assertEquals(404, api.get(ENV + "/dashboards/abc").status(), "nothing was written under the uid abc");

        assertRefused(api.get("/api/v1/environments/default;x=1/dashboards"));
        assertRefused(api.get(ENV + "/dashboards;page=2"));
        assertRefused(api.as(null).get(ENV + "/folders;x"));

        assertEquals(201, api.put(ENV + "/folders/f", "{\"title\":\"F\"}").status());
        assertRefused(api.delete(ENV + "/folders/f;force=true"));
        assertEquals(200, api.get(ENV + "/folders/f").status());

        // An escaped semicolon is part of the uid, not a matrix parameter: refused by the uid rule instead.
        Api.Reply escaped = api.put(ENV + "/folders/a%3Bb", "{\"title\":\"F\"}");
        assertEquals(422, escaped.status(), escaped.toString());
        assertEquals(200, api.send(HttpRequest.newBuilder(api.uri(ENV + "/folders/f")).GET()).status());
    }
}
