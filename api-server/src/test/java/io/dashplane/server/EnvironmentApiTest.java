package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EnvironmentApiTest extends ServerTestSupport {

    @Test
    void defaultEnvironmentExistsAndEnvironmentsCanBeCreatedListedAndDeleted() {
        var def = api.get("/api/v1/environments/default");
        assertEquals(200, def.status(), def.toString());
        assertEquals("\"1\"", def.header("ETag"));

        var created = api.post("/api/v1/environments", "{\"name\":\"staging\",\"description\":\"pre-prod\"}");
        assertEquals(201, created.status(), created.toString());
        assertEquals("staging", created.json().get("name").asText());
        assertEquals(1, created.json().get("version").asLong());

        assertEquals(409, api.post("/api/v1/environments", "{\"name\":\"staging\"}").status());

        var list = api.get("/api/v1/environments").json();
        assertEquals(2, list.get("total").asLong());
        assertEquals("default", list.get("items").get(0).get("name").asText());

        // Non-empty delete is refused unless forced.
        assertEquals(201, api.post("/api/v1/environments/staging/folders", "{\"uid\":\"f\",\"title\":\"F\"}").status());
        var refused = api.delete("/api/v1/environments/staging");
        assertEquals(409, refused.status(), refused.toString());
        assertTrue(refused.contentType().startsWith("application/problem+json"));
        assertEquals(204, api.delete("/api/v1/environments/staging?force=true").status());
        assertEquals(404, api.get("/api/v1/environments/staging").status());
        assertEquals(404, api.get("/api/v1/environments/staging/folders/f").status());
    }

    @Test
    void operationalEndpointsAnswer() {
        assertEquals(200, api.get("/healthz").status());
        assertEquals(200, api.get("/readyz").status());
        api.get("/api/v1/environments/default");
        var metrics = api.get("/metrics");
        assertEquals(200, metrics.status());
        assertTrue(metrics.body().contains("dashplane_http_requests_total{method=\"GET\",route=\"/api/v1/environments/{env}\",status=\"200\""),
                metrics.body());
        assertTrue(metrics.body().contains("dashplane_http_request_duration_seconds_bucket"));
        assertTrue(metrics.body().contains("dashplane_objects{kind=\"environment\"} 1.0"), metrics.body());
        var openapi = api.get("/openapi.json");
        assertEquals(200, openapi.status(), openapi.toString());
        var paths = openapi.json().get("paths");
        for (String p : new String[] {"/api/v1/environments", "/api/v1/environments/{env}/datasources/{uid}",
                "/api/v1/environments/{env}/datasources/name/{name}", "/api/v1/environments/{env}/folders/{uid}/move",
                "/api/v1/environments/{env}/dashboards/{uid}/versions/{version}/restore", "/healthz", "/readyz",
                "/metrics", "/openapi.json"}) {
            assertTrue(paths.has(p), "openapi lacks " + p + ": " + paths.fieldNames());
        }
    }
}
