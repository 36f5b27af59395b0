package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Content fidelity of JSON bodies: what is stored is what was sent (number spellings), and what cannot be
 * stored as sent (invalid Unicode) or is ambiguous (duplicate keys) is refused with a pointer.
 */
class ContentFidelityTest extends AlertingTestSupport {
    static final String D = ENV + "/dashboards";
    /** Spellings a BigDecimal or double round trip would change, and ones it would keep. */
    static final String NUMBERS = "[1e400,-0.0,1.50,1E5,0.1e-2,123456789012345678901234567890,-0,1.0E+2,0.0,-1e-400,7,2.5]";

    @Test
    void aLoneSurrogateIsRefusedWithAPointer() {
        assertRefused(api.post(D, "{\"dashboard\":{\"title\":\"x\\udc00y\",\"uid\":\"lone\"}}"), "/dashboard/title",
                "invalid Unicode");
        assertRefused(api.post(D, "{\"dashboard\":{\"title\":\"T\",\"uid\":\"lone\",\"panels\":[{\"id\":1,\"title\":\"a\\ud800\"}]}}"),
                "/dashboard/panels/0/title", "invalid Unicode");
        // A high surrogate followed by something that is not a low surrogate is just as lone.
        assertRefused(api.post(D, "{\"dashboard\":{\"title\":\"\\ud83dx\",\"uid\":\"lone\"}}"), "/dashboard/title",
                "invalid Unicode");
        // In a key, the pointer names the object holding it (the key itself cannot be written back).
        assertRefused(api.post(D, "{\"dashboard\":{\"title\":\"T\",\"uid\":\"lone\",\"x\\udc00\":1}}"), "/dashboard",
                "invalid Unicode");
        // Envelope fields, other resources and bodies read as text (bundle import) go through the same check.
        assertRefused(api.post(ENV + "/folders", "{\"uid\":\"f\",\"title\":\"x\\udc00y\"}"), "/title", "invalid Unicode");
        assertRefused(api.post(ENV + "/datasources", "{\"name\":\"n\",\"type\":\"x\",\"jsonData\":{\"a\":[\"\\udfff\"]}}"),
                "/jsonData/a/0", "invalid Unicode");
        assertRefused(api.post(ENV + "/import?dryRun=true",
                "{\"apiVersion\":\"dashplane/v1\",\"folders\":[{\"uid\":\"f\",\"title\":\"x\\udc00y\"}]}"),
                "/folders/0/title", "invalid Unicode");
        assertEquals(404, api.get(D + "/lone").status(), "nothing was stored");
        assertEquals(404, api.get(ENV + "/folders/f").status(), "nothing was stored");

        // Raw bytes that are not UTF-8 are refused the same way instead of becoming '?' or U+FFFD.
        assertRefused(sendBytes("POST", D, bytes("{\"dashboard\":{\"uid\":\"lone\",\"title\":\"x", 0xFF, "y\"}}")),
                "/dashboard/title", "UTF-8");
        // A surrogate encoded as UTF-8 bytes (CESU-style) decodes to a lone surrogate and is refused as such.
        assertRefused(sendBytes("POST", D, bytes("{\"dashboard\":{\"uid\":\"lone\",\"title\":\"x", 0xED, 0xB0, 0x80, "y\"}}")),
                "/dashboard/title", "invalid Unicode");
        assertRefused(sendBytes("POST", ENV + "/import?dryRun=true",
                bytes("{\"apiVersion\":\"dashplane/v1\",\"folders\":[{\"uid\":\"f\",\"title\":\"x", 0xC3, 0x28, "\"}]}")),
                null, "UTF-8");
        assertEquals(404, api.get(D + "/lone").status(), "nothing was stored");

        // A proper pair (and any other valid text) is stored and read back unchanged.
        assertEquals(201, api.post(D, "{\"dashboard\":{\"title\":\"x\\ud83d\\ude00y \u00e9\u4e2d\",\"uid\":\"pair\","
                + "\"description\":\"nul\\u0000 \\uffff end\"}}").status());
        JsonNode pair = api.get(D + "/pair").json().path("dashboard");
        assertEquals("x\ud83d\ude00y \u00e9\u4e2d", pair.path("title").asText());
        assertEquals("nul\u0000 \uffff end", pair.path("description").asText());
    }

    @Test
    void numberSpellingsReadBackAsWritten() {
        String dashboard = "{\"title\":\"Numbers\",\"uid\":\"nums\",\"schemaVersion\":39,\"numbers\":" + NUMBERS
                + ",\"nested\":{\"deep\":[{\"v\":1e400}]},\"panels\":[{\"id\":1,\"type\":\"text\",\"gridPos\":{\"x\":0,\"y\":0,\"w\":24,\"h\":3}}]}";
        assertEquals(201, api.post(D, "{\"dashboard\":" + dashboard + "}").status());
        assertEquals(dashboard, stored(api.get(D + "/nums").body()), "the dashboard as written");
        assertEquals(dashboard, stored(api.get(D + "/nums/versions/1").body()), "the version as written");
        // Survives a restart (read from the database, not a cache).
        restart();
        assertEquals(dashboard, stored(api.get(D + "/nums").body()));
        // Writing it back unchanged is recognised as the same content.
        String again = api.get(D + "/nums").body();
        assertTrue(again.contains("\"numbers\":" + NUMBERS), again);

        // Alert rule query models are content too.
        seed(ENV);
        String rule = rule("spelled", "Spelled", "health", "").replace("\"instant\":true",
                "\"instant\":true,\"numbers\":" + NUMBERS);
        assertEquals(201, api.post(RULES, rule).status(), api.post(RULES, rule).toString());
        String read = api.get(RULES + "/spelled").body();
        assertTrue(read.contains("\"numbers\":" + NUMBERS), read);
        assertTrue(read.contains("\"params\":[0.25]"), read);

        // Datasource jsonData and contact point settings are content as well.
        assertEquals(201, api.post(ENV + "/datasources", "{\"uid\":\"ds\",\"name\":\"ds\",\"type\":\"x\",\"jsonData\":{\"numbers\":"
                + NUMBERS + "}}").status());
        String datasource = api.get(ENV + "/datasources/ds").body();
        assertTrue(datasource.contains("\"numbers\":" + NUMBERS), datasource);
        assertEquals(201, api.post(CONTACT_POINTS, SLACK.replace("\"recipient\":\"#ml\"",
                "\"recipient\":\"#ml\",\"numbers\":" + NUMBERS)).status());
        String contactPoint = api.get(CONTACT_POINTS + "/slack").body();
        assertTrue(contactPoint.contains("\"numbers\":" + NUMBERS), contactPoint);

        // Bundle export (JSON and YAML) and promotion carry the spellings.
        String bundle = api.get(ENV + "/export?format=json").body();
        assertTrue(bundle.replaceAll("\\s", "").contains("\"numbers\":" + NUMBERS), bundle);
        String yaml = api.get(ENV + "/export?format=yaml").body();
        assertTrue(yaml.contains("- 1e400\n") && yaml.contains("- -0.0\n") && yaml.contains("- 0.1e-2\n"), yaml);
        assertEquals(201, api.post("/api/v1/environments", "{\"name\":\"prod\"}").status());
        Api.Reply promoted = api.post("/api/v1/promotions",
                "{\"source\":\"default\",\"target\":\"prod\",\"selection\":{\"dashboards\":[\"nums\"]}}");
        assertEquals(200, promoted.status(), promoted.toString());
        String target = api.get("/api/v1/environments/prod/dashboards/nums").body();
        assertTrue(target.contains("\"numbers\":" + NUMBERS) && target.contains("{\"v\":1e400}"), target);
    }

    @Test
    void aDuplicateKeyIsRefusedWithItsPointer() {
        Api.Reply inContent = api.post(D,
                "{\"dashboard\":{\"title\":\"T\",\"uid\":\"dup\",\"panels\":[{\"id\":1,\"type\":\"text\",\"id\":2}]}}");
        assertRefused(inContent, "/dashboard/panels/0/id", "duplicate key 'id'");
        assertRefused(api.post(D, "{\"dashboard\":{\"title\":\"T\",\"uid\":\"dup\"},\"dashboard\":{\"title\":\"U\"}}"),
                "/dashboard", "duplicate key 'dashboard'");
        assertRefused(api.post(ENV + "/folders", "{\"title\":\"T\",\"title\":\"U\"}"), "/title", "duplicate key 'title'");
        assertRefused(api.post(ENV + "/datasources", "{\"name\":\"n\",\"type\":\"x\",\"jsonData\":{\"a/b\":1,\"a/b\":2}}"),
                "/jsonData/a~1b", "duplicate key");
        assertRefused(api.post(ENV + "/import?dryRun=true",
                "{\"apiVersion\":\"dashplane/v1\",\"folders\":[{\"uid\":\"f\",\"title\":\"a\",\"uid\":\"g\"}]}"),
                "/folders/0/uid", "duplicate key 'uid'");
        assertEquals(404, api.get(D + "/dup").status());
    }

    @Test
    void aTrailingCommaIsASyntaxErrorWithItsLocation() {
        String body = "{\n  \"dashboard\": {\n    \"title\": \"T\",\n    \"tags\": [\"a\", \"b\",]\n  }\n}";
        Api.Reply inArray = api.post(D, body);
        JsonNode problem = assertRefused(inArray, "/dashboard/tags", "line 4");
        assertEquals(4, problem.path("line").asInt(), inArray.toString());
        assertEquals(23, problem.path("column").asInt(), inArray.toString());
        assertTrue(problem.path("detail").asText().contains("trailing comma"), inArray.toString());

        Api.Reply inObject = api.post(D, "{\"dashboard\":{\"title\":\"T\",\n\"uid\":\"tc\",\n}}");
        JsonNode objectProblem = assertRefused(inObject, "/dashboard", "line 3");
        assertTrue(objectProblem.path("detail").asText().contains("trailing comma"), inObject.toString());

        // Other syntax errors say what and where, without parser internals.
        JsonNode missingColon = assertRefused(api.post(ENV + "/folders", "{\"uid\":\"f\",\"title\" \"T\"}"), "/title", "line 1");
        assertTrue(missingColon.path("detail").asText().contains("expected ':'"), missingColon.toString());
        JsonNode truncated = assertRefused(api.post(D, "{\"dashboard\":{\"title\":\"T\",\"panels\":[{\"id\":1"), "/dashboard/panels/0",
                "end of input");
        assertTrue(truncated.path("detail").asText().contains("line 1"), truncated.toString());
        assertEquals(404, api.get(D + "/tc").status());
    }

    /** A 400 problem+json whose only finding is at {@code pointer} (null: any) and whose detail says {@code says}. */
    private static JsonNode assertRefused(Api.Reply reply, String pointer, String says) {
        assertEquals(400, reply.status(), reply.toString());
        assertEquals("application/problem+json", reply.contentType(), reply.toString());
        JsonNode problem = reply.json();
        assertEquals("https://dashplane.io/problems/malformed", problem.path("type").asText(), reply.toString());
        if (pointer != null) {
            assertEquals(pointer, problem.path("errors").path(0).path("pointer").asText(), reply.toString());
        }
        String detail = problem.path("detail").asText();
        assertTrue(detail.contains(says), "detail should say '" + says + "': " + reply);
        for (String internal : new String[] {"REDACTED", "StreamReadFeature", "com.fasterxml", "io.dashplane", "Source:",
                "class ", "Exception", "\n"}) {
            assertFalse(reply.body().contains(internal), "leaks '" + internal + "': " + reply);
        }
        return problem;
    }

    private Api.Reply sendBytes(String method, String path, byte[] body) {
        return api.send(HttpRequest.newBuilder(api.uri(path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Strings as UTF-8, integers as single raw bytes. */
    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof Integer b) {
                out.write(b);
            } else {
                out.writeBytes(part.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    /** The dashboard text embedded in a read response ({@code {"dashboard":...,"meta":...}}). */
    private static String stored(String body) {
        int start = body.indexOf("\"dashboard\":") + "\"dashboard\":".length();
        int end = body.lastIndexOf(",\"meta\":");
        if (end < 0) {
            end = body.lastIndexOf('}');
        }
        return body.substring(start, end);
    }
}
