package io.dashplane.provider.client;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProblemTest {
    private static JsonNode json(String text) throws Exception {
        return DashplaneClient.newObjectMapper().readTree(text);
    }

    @Test
    void readsAValidationProblem() throws Exception {
        Problem problem = Problem.fromJson(json("""
                {"type": "https://dashplane.io/problems/validation", "title": "Validation failed", "status": 422,
                 "detail": "2 problems in the dashboard",
                 "errors": [{"pointer": "/dashboard/panels/0/gridPos/w", "message": "x + w must be at most 24"},
                            {"pointer": "/dashboard/title", "message": "must not be blank"}]}"""), 422);
        assertEquals("https://dashplane.io/problems/validation", problem.type());
        assertEquals(422, problem.status());
        assertEquals(List.of(new FieldError("/dashboard/panels/0/gridPos/w", "x + w must be at most 24"),
                new FieldError("/dashboard/title", "must not be blank")), problem.errors());
        assertNull(problem.currentVersion());
        assertEquals("Validation failed: 2 problems in the dashboard\n"
                + "  /dashboard/panels/0/gridPos/w: x + w must be at most 24\n"
                + "  /dashboard/title: must not be blank", problem.describe());
    }

    @Test
    void readsTheCurrentVersionOfAConflict() throws Exception {
        Problem problem = Problem.fromJson(json("""
                {"type": "https://dashplane.io/problems/version-conflict", "title": "Version conflict",
                 "status": 409, "detail": "stored version is 4", "currentVersion": 4}"""), 409);
        assertEquals(4L, problem.currentVersion());
        DashplaneApiException error = ApiTransport.errorOf(
                new ApiResponse("PUT", "http://h/api/v1/x", 409, json("{\"currentVersion\": 4, \"title\": \"Version conflict\"}"), headers()));
        assertEquals(4L, error.currentVersion());
        assertTrue(error.isConflict());
        assertEquals("PUT http://h/api/v1/x failed (HTTP 409): Version conflict", error.getMessage());
    }

    @Test
    void toleratesBodiesThatAreNotProblems() throws Exception {
        Problem problem = Problem.fromJson(json("[1, 2]"), 502);
        assertEquals(502, problem.status());
        assertEquals("HTTP 502", problem.describe());
        Problem odd = Problem.fromJson(json("{\"title\": 5, \"errors\": [\"x\", {\"pointer\": \"/a\"}]}"), 400);
        assertNull(odd.title());
        assertEquals(List.of(new FieldError("/a", null)), odd.errors());
        assertEquals("HTTP 400", Problem.fromJson(null, 400).describe());
    }

    @Test
    void unauthorizedAndForbiddenAreAuthErrors() throws Exception {
        for (int status : new int[] {401, 403}) {
            DashplaneApiException error = ApiTransport.errorOf(new ApiResponse("GET", "http://h/api/v1/environments",
                    status, json("{\"title\": \"Unauthorized\", \"status\": " + status + "}"), headers()));
            assertInstanceOf(DashplaneAuthException.class, error);
            assertTrue(error.getMessage().startsWith("token rejected by the Dashplane server (HTTP " + status + ")"),
                    error.getMessage());
        }
        DashplaneApiException notFound = ApiTransport.errorOf(new ApiResponse("GET", "u", 404, null, headers()));
        assertFalse(notFound instanceof DashplaneAuthException);
        assertTrue(notFound.isNotFound());
    }

    private static HttpHeaders headers() {
        return HttpHeaders.of(Map.of(), (a, b) -> true);
    }
}
