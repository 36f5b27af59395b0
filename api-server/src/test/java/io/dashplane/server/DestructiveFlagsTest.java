package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Issue 10 item 2: a boolean query parameter is exactly {@code true} or {@code false}; nothing else is guessed. */
class DestructiveFlagsTest extends AlertingTestSupport {

    /** One route taking a flag: method, path, parameter and (for POST/PUT) a body that would be accepted. */
    record FlagRoute(String method, String template, String path, String parameter, String body) {
        String key() {
            return method + " " + template + " " + parameter;
        }
    }

    private static final List<String> SLOPPY = List.of("1", "yes", "TRUE", "", "0", "no", "False", " true");

    @Test
    void everyBooleanFlagOnEveryRouteAcceptsOnlyTrueOrFalseAndASloppySpellingDeletesNothing() {
        seed(ENV);
        expect(201, api.post(ENV + "/dashboards", "{\"dashboard\":{\"uid\":\"d1\",\"title\":\"D1\"},\"folderUid\":\"ml\"}"));
        expect(201, api.post(CONTACT_POINTS, SLACK));
        expect(201, api.put(POLICY, "{\"receiver\":\"ml-slack\"}"));
        expect(201, api.post(ROUTES, "{\"uid\":\"team\",\"receiver\":\"ml-slack\"}"));
        expect(201, api.post(ROUTES, "{\"uid\":\"child\",\"receiver\":\"ml-slack\",\"parentUid\":\"team\"}"));
        expect(201, api.post("/api/v1/environments", "{\"name\":\"staging\"}"));
        expect(201, api.post("/api/v1/environments/staging/folders", "{\"uid\":\"sf\",\"title\":\"S\"}"));

        String env = "/api/v1/environments/{env}";
        String dashboard = "{\"dashboard\":{\"uid\":\"d1\",\"title\":\"Changed\"},\"folderUid\":\"ml\"}";
        List<FlagRoute> routes = List.of(
                new FlagRoute("DELETE", "/api/v1/environments/{env}", "/api/v1/environments/staging", "force", null),
                new FlagRoute("DELETE", env + "/datasources/{uid}", ENV + "/datasources/Prometheus", "force", null),
                new FlagRoute("DELETE", env + "/folders/{uid}", ENV + "/folders/ml", "force", null),
                new FlagRoute("DELETE", env + "/rule-groups/{folderUid}/{name}", GROUPS + "/ml/health", "force", null),
                new FlagRoute("DELETE", env + "/notification-policy/routes/{uid}", ROUTES + "/team", "force", null),
                new FlagRoute("POST", env + "/dashboards", ENV + "/dashboards", "dryRun", dashboard.replace("d1", "d2")),
                new FlagRoute("PUT", env + "/dashboards/{uid}", ENV + "/dashboards/d1", "dryRun", dashboard),
                new FlagRoute("POST", env + "/import", ENV + "/import", "dryRun", "{\"folders\":[{\"uid\":\"x\",\"title\":\"X\"}]}"),
                new FlagRoute("POST", env + "/import", ENV + "/import", "prune", "{\"folders\":[{\"uid\":\"x\",\"title\":\"X\"}]}"),
                new FlagRoute("GET", env + "/export", ENV + "/export", "policies", null),
                new FlagRoute("GET", env + "/alerting/export", ENV + "/alerting/export", "decrypt", null),
                new FlagRoute("POST", env + "/alerting/import", ENV + "/alerting/import", "dryRun", "{\"apiVersion\":1}"),
                new FlagRoute("DELETE", "/grafana/{env}/api/folders/{uid}", "/grafana/default/api/folders/ml",
                        "forceDeleteRules", null),
                new FlagRoute("GET", "/grafana/{env}/api/search", "/grafana/default/api/search", "starred", null));

        List<String> failures = new ArrayList<>();
        for (FlagRoute route : routes) {
            for (String value : SLOPPY) {
                String uri = route.path() + "?" + route.parameter() + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
                HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(uri)).header("Content-Type", "application/json")
                        .method(route.method(), route.body() == null ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(route.body()));
                Api.Reply r = api.send(request);
                String expectedDetail = "query parameter '" + route.parameter() + "' must be true or false";
                boolean grafanaDoor = route.path().startsWith("/grafana/");
                boolean refused = grafanaDoor
                        ? r.status() == 400 && expectedDetail.equals(r.json().path("message").asText())
                        : r.status() == 400 && "application/problem+json".equals(r.contentType())
                        && route.parameter().equals(r.json().path("parameter").asText())
                        && expectedDetail.equals(r.json().path("detail").asText());
                if (!refused) {
                    failures.add(route.method() + " " + uri + " -> " + r);
                }
            }
        }
        assertEquals(List.of(), failures);

        // Everything is still there and unchanged.
        for (String path : List.of("/api/v1/environments/staging", "/api/v1/environments/staging/folders/sf",
                ENV + "/datasources/Prometheus", ENV + "/folders/ml", GROUPS + "/ml/health", ROUTES + "/team",
                ROUTES + "/child")) {
            expect(200, api.get(path));
        }
        Api.Reply d1 = expect(200, api.get(ENV + "/dashboards/d1"));
        assertEquals("D1", d1.json().at("/dashboard/title").asText());
        assertEquals(1, d1.json().at("/meta/version").asInt(), d1.toString());
        expect(404, api.get(ENV + "/dashboards/d2"));
        expect(404, api.get(ENV + "/folders/x"));

        // The list above is every boolean query parameter the API declares.
        Set<String> declared = new TreeSet<>();
        JsonNode paths = api.get("/openapi.json").json().path("paths");
        paths.fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(op -> op.getValue().path("parameters")
                .forEach(param -> {
                    if ("query".equals(param.path("in").asText())
                            && "boolean".equals(param.path("schema").path("type").asText())) {
                        declared.add(op.getKey().toUpperCase() + " " + p.getKey() + " " + param.path("name").asText());
                    }
                })));
        assertEquals(new TreeSet<>(routes.stream().map(FlagRoute::key).toList()), declared);

        // The exact spellings still work, and absent is the documented default (false).
        expect(409, api.delete(ENV + "/folders/ml"));
        expect(409, api.delete(ENV + "/folders/ml?force=false"));
        expect(200, api.get(ENV + "/folders/ml"));
        expect(204, api.delete(ENV + "/folders/ml?force=true"));
        expect(404, api.get(ENV + "/dashboards/d1"));
    }
}
