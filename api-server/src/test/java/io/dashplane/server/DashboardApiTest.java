package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.schema.dashboard.DashboardCanonicalizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DashboardApiTest extends ServerTestSupport {
    static final String D = ENV + "/dashboards";

    static String envelope(String dashboardJson, String folderUid, String message) {
        return "{\"dashboard\":" + dashboardJson
                + (folderUid == null ? "" : ",\"folderUid\":\"" + folderUid + "\"")
                + (message == null ? "" : ",\"message\":\"" + message + "\"") + "}";
    }

    void createPrometheus() {
        var r = api.post(ENV + "/datasources", "{\"uid\":\"Prometheus\",\"name\":\"Prometheus\",\"type\":\"prometheus\",\"url\":\"http://prometheus:9090\"}");
        assertEquals(201, r.status(), r.toString());
    }

    @Test
    void aBareDashboardModelGetsAnErrorSayingToWrapItInADashboardEnvelope() {
        String bare = "{\"uid\": \"bare\", \"title\": \"Bare\", \"panels\": [], \"schemaVersion\": 39}";
        for (Api.Reply r : java.util.List.of(api.post(ENV + "/dashboards", bare), api.put(ENV + "/dashboards/bare", bare))) {
            assertEquals(422, r.status(), r.toString());
            com.fasterxml.jackson.databind.JsonNode error = r.json().at("/errors/0");
            assertEquals("/dashboard", error.get("pointer").asText(), r.toString());
            assertTrue(error.get("message").asText().contains("{\"dashboard\": {...}}"), r.toString());
        }
        assertEquals(404, api.get(ENV + "/dashboards/bare").status());
    }

    @Test
    void everyCorpusDashboardIsAcceptedAndReadsBackSemanticallyIdentical() throws Exception {
        createPrometheus();
        List<Path> files;
        try (Stream<Path> s = Files.list(corpusDir())) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(files.size() >= 9, "corpus: " + files);
        for (Path file : files) {
            String raw = read(file);
            var created = api.post(D, envelope(raw, null, "import " + file.getFileName()));
            assertEquals(201, created.status(), file + ": " + created);
            String uid = created.json().get("uid").asText();
            var read = api.get(D + "/" + uid);
            assertEquals(200, read.status());
            JsonNode original = Api.JSON.readTree(raw);
            JsonNode back = read.json().get("dashboard");
            assertTrue(DashboardCanonicalizer.semanticallyEqual(original, back), file + " changed on the round trip");
            assertEquals(original, back, file + " is not returned exactly as written");
            assertEquals(original.path("title").asText(), read.json().get("meta").get("title").asText());
        }
        assertEquals(files.size(), api.get(D).json().get("total").asLong());
    }

    @Test
    void seedDashboardFlow() throws Exception {
        createPrometheus();
        assertEquals(201, api.post(ENV + "/folders", "{\"uid\":\"ml\",\"title\":\"ML\"}").status());
        String seed = read(corpusDir().resolve("seed-ml-model-monitoring.json"));
        ObjectNode v1 = (ObjectNode) Api.JSON.readTree(seed);
        String uid = v1.get("uid").asText();

        var created = api.post(D, envelope(seed, "ml", "initial version"));
        assertEquals(201, created.status(), created.toString());
        assertEquals(1, created.json().get("version").asLong());
        long id = created.json().get("id").asLong();
        assertEquals("/d/" + uid + "/ml-model-monitoring", created.json().get("url").asText());

        var byTitle = api.get(D + "?query=model%20monitoring").json();
        assertEquals(1, byTitle.get("total").asLong(), byTitle.toString());
        assertEquals(uid, byTitle.get("items").get(0).get("uid").asText());
        String tag = v1.path("tags").isArray() && v1.get("tags").size() > 0 ? v1.get("tags").get(0).asText() : null;
        if (tag != null) {
            var byTag = api.get(D + "?tag=" + java.net.URLEncoder.encode(tag, java.nio.charset.StandardCharsets.UTF_8)).json();
            assertEquals(1, byTag.get("total").asLong(), byTag.toString());
        }
        assertEquals(0, api.get(D + "?query=nomatch").json().get("total").asLong());
        assertEquals(0, api.get(D + "?tag=no-such-tag").json().get("total").asLong());
        assertEquals(1, api.get(D + "?folderUid=ml").json().get("total").asLong());

        ObjectNode v2 = v1.deepCopy();
        v2.put("refresh", "1m");
        var second = api.put(D + "/" + uid, envelope(v2.toString(), "ml", "second"), "\"1\"");
        assertEquals(200, second.status(), second.toString());
        assertEquals(2, second.json().get("version").asLong());
        ObjectNode v3 = v2.deepCopy();
        v3.put("title", "ML Model Monitoring (prod)");
        var third = api.put(D + "/" + uid, envelope(v3.toString(), "ml", "third"), "2");
        assertEquals(3, third.json().get("version").asLong());
        assertEquals(id, third.json().get("id").asLong(), "numeric id is stable");

        var versions = api.get(D + "/" + uid + "/versions").json();
        assertEquals(3, versions.get("total").asLong());
        assertEquals(3, versions.get("items").get(0).get("version").asLong());
        assertEquals("initial version", versions.get("items").get(2).get("message").asText());
        assertEquals(v1, api.get(D + "/" + uid + "/versions/1").json().get("dashboard"));

        var restored = api.send(java.net.http.HttpRequest.newBuilder(api.uri(D + "/" + uid + "/versions/1/restore"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, restored.status(), restored.toString());
        assertEquals(4, restored.json().get("version").asLong());
        var current = api.get(D + "/" + uid).json();
        assertEquals(v1, current.get("dashboard"));
        assertEquals(4, current.get("meta").get("version").asLong());
        assertEquals("Restored from version 1", current.get("meta").get("message").asText());
        assertEquals("ml", current.get("meta").get("folderUid").asText());
        assertEquals(4, api.get(D + "/" + uid + "/versions").json().get("total").asLong());
    }

    @Test
    void aRepeatedSearchShowsEveryWriteMadeBetweenTheTwoSearches() {
        String byTitle = D + "?query=repeat";
        String byTag = D + "?tag=repeated";
        assertEquals(0, api.get(byTitle).json().get("total").asLong());
        assertEquals(0, api.get(byTag).json().get("total").asLong());

        assertEquals(201, api.post(D, envelope("{\"uid\":\"rep\",\"title\":\"Repeat one\",\"tags\":[\"repeated\"],\"panels\":[]}",
                null, null)).status());
        JsonNode afterCreate = api.get(byTitle).json();
        assertEquals(1, afterCreate.get("total").asLong(), afterCreate.toString());
        assertEquals("Repeat one", afterCreate.at("/items/0/title").asText());
        assertEquals(1, api.get(byTag).json().get("total").asLong());

        assertEquals(200, api.put(D + "/rep", envelope("{\"uid\":\"rep\",\"title\":\"Repeat two\",\"tags\":[],\"panels\":[]}",
                null, null), "1").status());
        assertEquals("Repeat two", api.get(byTitle).json().at("/items/0/title").asText());
        assertEquals(0, api.get(byTag).json().get("total").asLong());

        assertEquals(204, api.delete(D + "/rep").status());
        assertEquals(0, api.get(byTitle).json().get("total").asLong());
    }

    @Test
    void aTagSearchCountsTheDashboardsThatCarryEveryTagAsked() {
        String[][] dashboards = {{"tag-a", "[\"a\"]"}, {"tag-ab", "[\"a\",\"b\"]"}, {"tag-b", "[\"b\"]"}, {"tag-none", "[]"}};
        for (String[] d : dashboards) {
            assertEquals(201, api.post(D, envelope("{\"uid\":\"" + d[0] + "\",\"title\":\"" + d[0] + "\",\"tags\":" + d[1]
                    + ",\"panels\":[]}", null, null)).status());
        }
        assertEquals(2, api.get(D + "?tag=a").json().get("total").asLong());
        assertEquals(2, api.get(D + "?tag=b").json().get("total").asLong());
        JsonNode both = api.get(D + "?tag=a&tag=b").json();
        assertEquals(1, both.get("total").asLong(), both.toString());
        assertEquals("tag-ab", both.at("/items/0/uid").asText());
        JsonNode onePerPage = api.get(D + "?tag=a&perPage=1&page=2").json();
        assertEquals(2, onePerPage.get("total").asLong(), onePerPage.toString());
        assertEquals("tag-ab", onePerPage.at("/items/0/uid").asText());
        assertEquals(1, api.get(D + "?tag=a&query=ab").json().get("total").asLong());
    }

    @Test
    void dryRunValidatesWithoutWriting() {
        var dry = api.post(D + "?dryRun=true", envelope("{\"title\":\"Dry\",\"uid\":\"dry\",\"schemaVersion\":39}", null, null));
        assertEquals(200, dry.status(), dry.toString());
        assertEquals(1, dry.json().get("version").asLong());
        assertEquals(404, api.get(D + "/dry").status());
        var invalid = api.post(D + "?dryRun=true", envelope("{\"uid\":\"dry\"}", null, null));
        assertEquals(422, invalid.status());
    }

    @Test
    void numbersAndUnknownFieldsRoundTripExactly() {
        String dash = "{\"title\":\"Numbers\",\"uid\":\"nums\",\"schemaVersion\":39,\"id\":null,\"version\":17,"
                + "\"x-plugin\":{\"thresholds\":[0.1,1.50,100.0,1e-7,12345678901234567890.123456789]},"
                + "\"panels\":[{\"id\":1,\"type\":\"some-unknown-plugin\",\"gridPos\":{\"x\":0,\"y\":0,\"w\":24,\"h\":3}}]}";
        assertEquals(201, api.post(D, envelope(dash, null, null)).status());
        String body = api.get(D + "/nums").body();
        assertTrue(body.contains("[0.1,1.50,100.0,"), body);
        assertTrue(body.contains("12345678901234567890.123456789"), body);
        assertTrue(body.contains("\"version\":17"), "dashboard.version is content, not the server version: " + body);
    }

    @Test
    void concurrentWritersWithTheSameIfMatchExactlyOneWins() throws Exception {
        assertEquals(201, api.post(D, envelope("{\"title\":\"Race\",\"uid\":\"race\",\"schemaVersion\":39}", null, "v1")).status());
        for (int round = 0; round < 5; round++) {
            long expected = 1 + round;
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Api.Reply>> writers = new ArrayList<>();
            for (String who : List.of("alice", "bob")) {
                writers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return new Api(server.baseUri()).put(D + "/race",
                            envelope("{\"title\":\"Race " + who + "\",\"uid\":\"race\",\"schemaVersion\":39}", null, who),
                            "\"" + expected + "\"");
                }));
            }
            start.countDown();
            List<Api.Reply> replies = writers.stream().map(CompletableFuture::join).toList();
            long ok = replies.stream().filter(r -> r.status() == 200).count();
            long conflict = replies.stream().filter(r -> r.status() == 409).count();
            assertEquals(1, ok, replies.toString());
            assertEquals(1, conflict, replies.toString());
            Api.Reply winner = replies.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
            Api.Reply loser = replies.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
            assertEquals(expected + 1, loser.json().get("currentVersion").asLong());
            var stored = api.get(D + "/race").json();
            String winnerWho = stored.get("meta").get("message").asText();
            assertEquals("Race " + winnerWho, stored.get("dashboard").get("title").asText());
            assertEquals(expected + 1, winner.json().get("version").asLong());
        }
        var versions = api.get(D + "/race/versions").json();
        assertEquals(6, versions.get("total").asLong());
        Set<Long> numbers = new HashSet<>();
        versions.get("items").forEach(v -> numbers.add(v.get("version").asLong()));
        assertEquals(Set.of(1L, 2L, 3L, 4L, 5L, 6L), numbers);
    }

    @Test
    void crudDeleteAndUidRules() {
        var generated = api.post(D, envelope("{\"title\":\"No uid\",\"schemaVersion\":39}", null, null));
        assertEquals(201, generated.status());
        String uid = generated.json().get("uid").asText();
        assertTrue(uid.matches("[A-Za-z0-9_-]{12}"));
        assertEquals(409, api.post(D, envelope("{\"title\":\"Dup\",\"uid\":\"" + uid + "\",\"schemaVersion\":39}", null, null)).status());
        assertEquals(201, api.put(D + "/by-put", envelope("{\"title\":\"By put\",\"schemaVersion\":39}", null, null)).status());
        assertEquals(200, api.put(D + "/by-put", envelope("{\"title\":\"By put\",\"schemaVersion\":39}", null, null)).status());
        var mismatch = api.put(D + "/by-put", envelope("{\"title\":\"X\",\"uid\":\"other\",\"schemaVersion\":39}", null, null));
        assertEquals(422, mismatch.status());
        assertEquals("/dashboard/uid", mismatch.json().get("errors").get(0).get("pointer").asText());
        var withWarnings = api.post(D, envelope("{\"title\":\"Warn\",\"uid\":\"warn\",\"panels\":[{\"type\":\"text\",\"gridPos\":{\"x\":0,\"y\":0,\"w\":4,\"h\":4}}]}", null, null));
        assertEquals(201, withWarnings.status(), withWarnings.toString());
        assertTrue(withWarnings.json().get("warnings").isArray());
        assertEquals(204, api.delete(D + "/by-put").status());
        assertEquals(404, api.get(D + "/by-put").status());
        assertEquals(404, api.get(D + "/by-put/versions").status());
        assertNotEquals(0, api.get(D).json().get("total").asLong());
        assertFalse(api.get(D + "/" + uid).body().isEmpty());
    }
}
