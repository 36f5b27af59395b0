package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /openapi.json read by swagger-parser (the OpenAPI project's parser and validator), as client generators read it. */
class OpenApiTest extends ServerTestSupport {

    private OpenAPI parse() {
        var reply = api.get("/openapi.json");
        assertEquals(200, reply.status(), reply.toString());
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new io.swagger.v3.parser.OpenAPIV3Parser().readContents(reply.body(), null, options);
        assertEquals(List.of(), result.getMessages(), "the validator's messages");
        assertNotNull(result.getOpenAPI());
        return result.getOpenAPI();
    }

    @Test
    void theDescriptionIsValidOpenApiWithUniqueReadableOperationIds() {
        OpenAPI openapi = parse();
        Map<String, String> ids = new HashMap<>();
        List<String> bad = new ArrayList<>();
        openapi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            String where = method + " " + path;
            String id = op.getOperationId();
            if (id == null || !id.matches("[a-z][A-Za-z0-9]*") || id.matches(".*_\\d+")) {
                bad.add(where + " -> " + id);
            }
            String before = ids.put(id, where);
            if (before != null) {
                bad.add("duplicate " + id + ": " + before + " and " + where);
            }
        }));
        assertEquals(List.of(), bad);
        assertEquals("getDashboard", op(openapi, "/api/v1/environments/{env}/dashboards/{uid}", PathItem.HttpMethod.GET).getOperationId());
        assertEquals("putDashboard", op(openapi, "/api/v1/environments/{env}/dashboards/{uid}", PathItem.HttpMethod.PUT).getOperationId());
        assertEquals("listDashboards", op(openapi, "/api/v1/environments/{env}/dashboards", PathItem.HttpMethod.GET).getOperationId());
        assertEquals("createEnvironment", op(openapi, "/api/v1/environments", PathItem.HttpMethod.POST).getOperationId());
        assertEquals("restoreDashboardVersion", op(openapi,
                "/api/v1/environments/{env}/dashboards/{uid}/versions/{version}/restore", PathItem.HttpMethod.POST).getOperationId());
    }

    @Test
    void probesNeedNoSecurityAndEveryOtherOperationNeedsTheBearerToken() {
        OpenAPI openapi = parse();
        assertEquals(List.of("bearer"), new ArrayList<>(openapi.getSecurity().get(0).keySet()));
        for (String probe : List.of("/healthz", "/readyz")) {
            assertEquals(List.of(), op(openapi, probe, PathItem.HttpMethod.GET).getSecurity(), probe);
        }
        assertEquals(null, op(openapi, "/api/v1/environments", PathItem.HttpMethod.GET).getSecurity(), "inherits bearer");
        // what the document says is what the server does
        assertEquals(200, api.as(null).get("/healthz").status());
        assertEquals(401, api.as(null).get("/api/v1/environments").status());
    }

    @Test
    void everyOperationDescribesItsErrorsAndTheDescriptionCoversAlerting() {
        OpenAPI openapi = parse();
        openapi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            var error = op.getResponses().get("default");
            assertNotNull(error, method + " " + path);
            assertEquals("#/components/schemas/Problem",
                    error.getContent().get("application/problem+json").getSchema().get$ref(), method + " " + path);
        }));
        String description = openapi.getInfo().getDescription();
        for (String word : List.of("alert rules", "contact points", "notification policy", "mute timings")) {
            assertTrue(description.contains(word), word + " in " + description);
        }
        assertTrue(openapi.getPaths().keySet().stream().anyMatch(p -> p.contains("/alert-rules")), "alerting operations");
        assertNotNull(op(openapi, "/api/v1/environments/{env}/dashboards", PathItem.HttpMethod.POST).getRequestBody(),
                "request bodies are described");
    }

    @Test
    void everyOperationDescribesItsSuccessResponseWithASchemaOrAnswers204() {
        OpenAPI openapi = parse();
        List<String> untyped = new ArrayList<>();
        openapi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            boolean typed = op.getResponses().entrySet().stream().anyMatch(e -> e.getKey().equals("204")
                    || e.getKey().equals("302") // GET /d/{uid}/{slug}: a link that redirects into Grafana
                    || e.getKey().startsWith("2") && e.getValue().getContent() != null
                    && e.getValue().getContent().values().stream().allMatch(m -> m.getSchema() != null));
            if (!typed) {
                untyped.add(method + " " + path + " " + op.getResponses().keySet());
            }
        }));
        assertEquals(List.of(), untyped, untyped.size() + " operations without a typed success response");
        var get = op(openapi, "/api/v1/environments/{env}/dashboards/{uid}", PathItem.HttpMethod.GET).getResponses();
        assertEquals("#/components/schemas/Read", get.get("200").getContent().get("application/json").getSchema().get$ref());
        io.swagger.v3.oas.models.media.Schema<?> read = openapi.getComponents().getSchemas().get("Read");
        io.swagger.v3.oas.models.media.Schema<?> dashboard = (io.swagger.v3.oas.models.media.Schema<?>) read.getProperties().get("dashboard");
        assertEquals("object", dashboard.getType(), "the dashboard model is JSON, not a string");
        var create = op(openapi, "/api/v1/environments", PathItem.HttpMethod.POST).getResponses();
        assertEquals("#/components/schemas/Environment",
                create.get("201").getContent().get("application/json").getSchema().get$ref());
        assertNotNull(op(openapi, "/api/v1/environments/{env}", PathItem.HttpMethod.DELETE).getResponses().get("204"));
    }

    @Test
    void theDescriptionCoversTheNativeAndGrafanaApisAndEveryTagIsADescribedArea() {
        OpenAPI openapi = parse();
        String description = openapi.getInfo().getDescription();
        for (String words : List.of("/api/v1", "Grafana-compatible API", "alert rules", "promoted")) {
            assertTrue(description.contains(words), words + " in " + description);
        }
        Map<String, String> areas = new HashMap<>();
        openapi.getTags().forEach(t -> areas.put(t.getName(), t.getDescription()));
        List<String> undescribed = new ArrayList<>();
        openapi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            if (op.getTags() == null || op.getTags().isEmpty()) {
                undescribed.add(method + " " + path + " has no tag");
            } else {
                op.getTags().stream().filter(t -> areas.get(t) == null)
                        .forEach(t -> undescribed.add(method + " " + path + ": tag " + t + " is not described"));
            }
        }));
        assertEquals(List.of(), undescribed);
        for (String area : List.of("environments", "datasources", "folders", "dashboards", "alerting", "promotions",
                "grafana")) {
            assertNotNull(areas.get(area), area);
        }
    }

    /**
     * The generated client of {@code GeneratedClientTest} is built from this checked-in copy of the document, so it
     * must stay the server's own. Compared as JSON trees: the order of paths and schemas is not significant.
     */
    @Test
    void theCheckedInDocumentTheClientIsGeneratedFromIsTheServersOwn() throws Exception {
        var reply = api.get("/openapi.json");
        assertEquals(200, reply.status(), reply.toString());
        java.nio.file.Path file = java.nio.file.Path.of("src/test/resources/openapi/dashplane.json");
        if (Boolean.getBoolean("dashplane.openapi.refresh")) {
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(file, reply.body() + "\n");
        }
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertEquals(json.readTree(reply.body()), json.readTree(java.nio.file.Files.readString(file)),
                "api-server/" + file + " differs from the server's /openapi.json; refresh it with: mvn -o -pl api-server "
                        + "-am test -Dtest=OpenApiTest -Dsurefire.failIfNoSpecifiedTests=false "
                        + "-Ddashplane.postgres.skip=true -Ddashplane.openapi.refresh=true");
    }

    private static Operation op(OpenAPI openapi, String path, PathItem.HttpMethod method) {
        PathItem item = openapi.getPaths().get(path);
        assertNotNull(item, path + " in " + openapi.getPaths().keySet());
        Operation op = item.readOperationsMap().get(method);
        assertNotNull(op, method + " " + path);
        return op;
    }
}
