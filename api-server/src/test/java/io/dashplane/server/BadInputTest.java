package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fires a batch of bad requests; each must get its specific 4xx problem+json, none a 5xx. */
class BadInputTest extends ServerTestSupport {
    static final String DS = ENV + "/datasources";
    static final String F = ENV + "/folders";
    static final String D = ENV + "/dashboards";

    /** expectedPointer null: do not check the pointer. */
    record Case(String name, HttpRequest.Builder request, int status, String type, String pointer) {
    }

    private final List<Case> cases = new ArrayList<>();

    private HttpRequest.Builder json(String method, String path, String body) {
        return HttpRequest.newBuilder(api.uri(path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
    }

    private void add(String name, String method, String path, String body, int status, String type, String pointer) {
        cases.add(new Case(name, json(method, path, body), status, type, pointer));
    }

    private static String dash(String dashboardJson) {
        return "{\"dashboard\":" + dashboardJson + "}";
    }

    @Test
    void badInputGetsSpecificProblemsAndNeverA5xx() {
        api.post(ENV + "/datasources", "{\"uid\":\"Prometheus\",\"name\":\"Prometheus\",\"type\":\"prometheus\"}");
        api.post(F, "{\"uid\":\"a\",\"title\":\"A\"}");
        api.post(F, "{\"uid\":\"b\",\"title\":\"B\",\"parentUid\":\"a\"}");

        // Malformed JSON.
        add("truncated JSON", "POST", DS, "{\"name\":", 400, "malformed", null);
        add("not JSON at all", "POST", D, "hello", 400, "malformed", null);
        add("trailing garbage", "POST", F, "{\"title\":\"T\"} {", 400, "malformed", null);
        add("duplicate keys", "POST", F, "{\"title\":\"T\",\"title\":\"U\"}", 400, "malformed", null);
        add("empty body", "POST", F, "", 400, "malformed", null);
        add("array instead of object", "POST", F, "[1,2]", 400, "malformed", null);
        // Wrong JSON types, pointer to the field.
        add("name is a number", "POST", DS, "{\"name\":5,\"type\":\"x\"}", 400, "malformed", "/name");
        add("isDefault is a string", "POST", DS, "{\"name\":\"n\",\"type\":\"x\",\"isDefault\":\"yes\"}", 400, "malformed", "/isDefault");
        add("jsonData is a string", "POST", DS, "{\"name\":\"n\",\"type\":\"x\",\"jsonData\":\"x\"}", 400, "malformed", "/jsonData");
        add("secret value is an array", "POST", DS, "{\"name\":\"n\",\"type\":\"x\",\"secureJsonData\":{\"password\":[1]}}", 400, "malformed", "/secureJsonData/password");
        add("dashboard is a string", "POST", D, "{\"dashboard\":\"x\"}", 400, "malformed", "/dashboard");
        add("folderUid is a number", "POST", D, "{\"dashboard\":{\"title\":\"T\"},\"folderUid\":5}", 400, "malformed", "/folderUid");
        add("version is text", "PUT", D + "/x", "{\"dashboard\":{\"title\":\"T\"},\"version\":\"three\"}", 400, "malformed", "/version");
        add("version overflows", "PUT", F + "/x", "{\"title\":\"T\",\"version\":1e400}", 400, "malformed", null);
        // Missing required fields / semantic errors.
        add("dashboard without title", "POST", D, dash("{\"uid\":\"no-title\",\"panels\":[]}"), 422, "validation", "/dashboard/title");
        add("dashboard blank title", "POST", D, dash("{\"title\":\"  \"}"), 422, "validation", "/dashboard/title");
        add("envelope without dashboard", "POST", D, "{\"folderUid\":\"a\"}", 422, "validation", "/dashboard");
        add("folder without title", "POST", F, "{\"uid\":\"t\"}", 422, "validation", "/title");
        add("datasource without name", "POST", DS, "{\"type\":\"x\"}", 422, "validation", "/name");
        add("datasource bad access", "POST", DS, "{\"name\":\"n\",\"type\":\"x\",\"access\":\"browser\"}", 422, "validation", "/access");
        add("dashboard in missing folder", "POST", D, "{\"dashboard\":{\"title\":\"T\"},\"folderUid\":\"ghost\"}", 422, "validation", "/folderUid");
        // Uids.
        add("invalid dashboard uid", "POST", D, dash("{\"title\":\"T\",\"uid\":\"bad uid!\"}"), 422, "validation", "/dashboard/uid");
        add("too long dashboard uid", "POST", D, dash("{\"title\":\"T\",\"uid\":\"" + "u".repeat(41) + "\"}"), 422, "validation", "/dashboard/uid");
        add("too long path uid", "PUT", D + "/" + "u".repeat(41), dash("{\"title\":\"T\"}"), 422, "validation", "/dashboard/uid");
        add("invalid datasource uid", "POST", DS, "{\"uid\":\"a/b\",\"name\":\"n\",\"type\":\"x\"}", 422, "validation", "/uid");
        add("too long folder uid", "PUT", F + "/" + "f".repeat(41), "{\"title\":\"T\"}", 422, "validation", "/uid");
        add("invalid environment name", "POST", "/api/v1/environments", "{\"name\":\"has space\"}", 422, "validation", "/name");
        // Unknown environment / objects.
        add("unknown environment (write)", "POST", "/api/v1/environments/nope/dashboards", dash("{\"title\":\"T\"}"), 404, "not-found", null);
        add("unknown environment (folder)", "PUT", "/api/v1/environments/nope/folders/x", "{\"title\":\"T\"}", 404, "not-found", null);
        cases.add(new Case("unknown environment (read)", HttpRequest.newBuilder(api.uri("/api/v1/environments/nope/datasources")).GET(), 404, "not-found", null));
        cases.add(new Case("unknown dashboard", HttpRequest.newBuilder(api.uri(D + "/ghost")).GET(), 404, "not-found", null));
        cases.add(new Case("unknown version", HttpRequest.newBuilder(api.uri(D + "/ghost/versions/x")).GET(), 404, "not-found", null));
        cases.add(new Case("unknown route", HttpRequest.newBuilder(api.uri("/api/v1/nothing")).GET(), 404, "not-found", null));
        // References the dashboard cannot resolve.
        add("dangling datasource uid", "POST", D, dash("{\"title\":\"T\",\"schemaVersion\":39,\"panels\":[{\"id\":1,\"type\":\"timeseries\","
                + "\"gridPos\":{\"x\":0,\"y\":0,\"w\":12,\"h\":8},\"datasource\":{\"type\":\"prometheus\",\"uid\":\"ghost-ds\"}}]}"),
                422, "validation", "/dashboard/panels/0/datasource/uid");
        add("undefined variable", "POST", D, dash("{\"title\":\"T\",\"schemaVersion\":39,\"panels\":[{\"id\":1,\"type\":\"timeseries\","
                + "\"gridPos\":{\"x\":0,\"y\":0,\"w\":12,\"h\":8},\"datasource\":{\"uid\":\"Prometheus\"},"
                + "\"targets\":[{\"expr\":\"rate(x{job=\\\"$nosuchvar\\\"}[$__rate_interval])\"}]}]}"),
                422, "validation", "/dashboard/panels/0/targets/0/expr");
        add("panel outside the grid", "POST", D, dash("{\"title\":\"T\",\"panels\":[{\"id\":1,\"type\":\"text\","
                + "\"gridPos\":{\"x\":20,\"y\":0,\"w\":12,\"h\":8}}]}"), 422, "validation", "/dashboard/panels/0/gridPos/w");
        add("duplicate panel ids", "POST", D, dash("{\"title\":\"T\",\"panels\":[{\"id\":1,\"type\":\"text\"},{\"id\":1,\"type\":\"text\"}]}"),
                422, "validation", "/dashboard/panels/1/id");
        // Folder cycles.
        add("folder cycle via move", "POST", F + "/a/move", "{\"parentUid\":\"b\"}", 422, "validation", "/parentUid");
        add("folder as its own parent", "PUT", F + "/a", "{\"title\":\"A\",\"parentUid\":\"a\"}", 422, "validation", "/parentUid");
        // Transport-level problems.
        add("nesting 1000 deep", "POST", D, "{\"dashboard\":" + "[".repeat(1000) + "]".repeat(1000) + "}", 400, "malformed", null);
        add("nesting 1000 deep in datasource", "POST", DS, "{\"name\":\"n\",\"type\":\"x\",\"jsonData\":" + "{\"a\":".repeat(1000) + "1" + "}".repeat(1000) + "}", 400, "malformed", null);
        cases.add(new Case("not JSON content type", HttpRequest.newBuilder(api.uri(F)).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("title=x")), 415, "unsupported-media-type", null));
        cases.add(new Case("wrong method", HttpRequest.newBuilder(api.uri("/api/v1/environments/default"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")), 405, "method-not-allowed", null));
        cases.add(new Case("bad page", HttpRequest.newBuilder(api.uri(D + "?page=abc")).GET(), 400, "malformed", null));
        cases.add(new Case("perPage too large", HttpRequest.newBuilder(api.uri(D + "?perPage=5000")).GET(), 400, "malformed", null));
        cases.add(new Case("bad dryRun", HttpRequest.newBuilder(api.uri(D + "?dryRun=maybe")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(dash("{\"title\":\"T\"}"))), 400, "malformed", null));
        cases.add(new Case("bad If-Match", json("PUT", F + "/a", "{\"title\":\"A\"}").header("If-Match", "\"v-one\""), 400, "malformed", null));
        cases.add(new Case("stale If-Match", json("PUT", F + "/a", "{\"title\":\"A\"}").header("If-Match", "\"7\""), 409, "version-conflict", null));
        byte[] big = oversizeBody();
        cases.add(new Case("oversize body with length", HttpRequest.newBuilder(api.uri(D)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)), 413, "too-large", null));
        cases.add(new Case("oversize chunked body", HttpRequest.newBuilder(api.uri(D)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))), 413, "too-large", null));

        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            Api.Reply r;
            try {
                r = api.send(c.request());
            } catch (RuntimeException e) {
                failures.add(c.name() + ": transport failure " + e);
                continue;
            }
            if (r.status() >= 500) {
                failures.add(c.name() + ": 5xx " + r);
                continue;
            }
            if (r.status() != c.status()) {
                failures.add(c.name() + ": expected " + c.status() + " got " + r);
                continue;
            }
            String ct = r.contentType();
            if (ct == null || !ct.startsWith("application/problem+json")) {
                failures.add(c.name() + ": content type " + ct);
                continue;
            }
            var body = r.json();
            if (!body.path("type").asText().equals("https://dashplane.io/problems/" + c.type())
                    || body.path("status").asInt() != c.status() || body.path("title").asText().isEmpty()) {
                failures.add(c.name() + ": problem body " + body);
                continue;
            }
            if (c.pointer() != null) {
                boolean found = false;
                for (var e : body.path("errors")) {
                    found |= e.path("pointer").asText().equals(c.pointer());
                }
                if (!found) {
                    failures.add(c.name() + ": no error with pointer " + c.pointer() + " in " + body);
                }
            }
        }
        // Targets java.net.URI refuses to build, sent over a raw socket.
        for (String target : List.of("/api/v1/environments/default/dashboards/%ZZ",
                "/api/v1/environments/default/dashboards?query=%G1", "/api/v1/environments/a%2/folders")) {
            String head = rawGet(target);
            if (!head.startsWith("HTTP/1.1 400") || !head.toLowerCase().contains("content-type: application/problem+json")) {
                failures.add("raw GET " + target + ": " + head);
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertEquals(200, api.get("/readyz").status(), "the server is still healthy");
    }

    private String rawGet(String target) {
        try (java.net.Socket socket = new java.net.Socket(server.baseUri().getHost(), server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = response.indexOf("\r\n\r\n");
            return end < 0 ? response : response.substring(0, end);
        } catch (java.io.IOException e) {
            return "transport failure " + e;
        }
    }

    private static byte[] oversizeBody() {
        StringBuilder sb = new StringBuilder(11 * 1024 * 1024 + 100);
        sb.append("{\"dashboard\":{\"title\":\"big\",\"description\":\"");
        sb.append("x".repeat(11 * 1024 * 1024));
        sb.append("\"}}");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
