package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The change feed: {@code GET .../environments/{env}/changes?since=&wait=}. */
class ChangeFeedTest extends ServerTestSupport {
    private static final String CHANGES = ENV + "/changes";

    private static List<String> entries(JsonNode batch) {
        List<String> out = new ArrayList<>();
        batch.path("changes").forEach(c -> out.add(c.path("kind").asText() + " "
                + (c.has("uid") ? c.path("uid").asText() : c.path("name").asText()) + " " + c.path("action").asText()));
        return out;
    }

    private JsonNode changes(String query) {
        Api.Reply reply = api.get(CHANGES + query);
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    @Test
    void everyWriteToAnEnvironmentsContentGetsTheNextSequenceNumberDeletionsIncluded() {
        long start = changes("?since=0").path("sequence").asLong();
        assertEquals(201, api.post(ENV + "/folders", "{\"uid\":\"ml\",\"title\":\"ML\"}").status());
        assertEquals(201, api.post(ENV + "/datasources",
                "{\"uid\":\"prom\",\"name\":\"Prometheus\",\"type\":\"prometheus\",\"url\":\"http://p:9090\"}").status());
        assertEquals(201, api.post(ENV + "/dashboards", "{\"dashboard\":{\"uid\":\"d1\",\"title\":\"One\"},\"folderUid\":\"ml\"}").status());
        assertEquals(200, api.put(ENV + "/dashboards/d1", "{\"dashboard\":{\"uid\":\"d1\",\"title\":\"One, again\"}}").status());
        assertEquals(200, api.put(ENV + "/templates/greeting", "{\"template\":\"hello\"}").status() / 100 * 100);
        assertEquals(204, api.delete(ENV + "/dashboards/d1").status());

        JsonNode all = changes("?since=" + start);
        assertEquals(List.of("folder ml created", "datasource prom created", "dashboard d1 created",
                "dashboard d1 updated", "template greeting created", "dashboard d1 deleted"), entries(all));
        long previous = start;
        for (JsonNode c : all.path("changes")) {
            assertEquals(previous + 1, c.path("sequence").asLong(), all.toString());
            previous = c.path("sequence").asLong();
        }
        assertEquals(previous, all.path("sequence").asLong(), "sequence is the latest");

        JsonNode tail = changes("?since=" + (previous - 1));
        assertEquals(List.of("dashboard d1 deleted"), entries(tail));
        assertEquals(0, changes("?since=" + previous).path("changes").size());
    }

    @Test
    void aForcedFolderDeleteFeedsTheDeletionOfEverySubFolderAndDashboardItTakes() {
        assertEquals(201, api.post(ENV + "/folders", "{\"uid\":\"f\",\"title\":\"F\"}").status());
        assertEquals(201, api.post(ENV + "/folders", "{\"uid\":\"g\",\"title\":\"G\",\"parentUid\":\"f\"}").status());
        assertEquals(201, api.post(ENV + "/dashboards", "{\"dashboard\":{\"uid\":\"in-g\",\"title\":\"In G\"},\"folderUid\":\"g\"}").status());
        long before = changes("").path("sequence").asLong();
        assertEquals(204, api.delete(ENV + "/folders/f?force=true").status());
        assertEquals(List.of("dashboard in-g deleted", "folder g deleted", "folder f deleted"),
                entries(changes("?since=" + before)));
    }

    @Test
    void aLongPollIsAnsweredByTheNextWriteWithThatWrite() throws Exception {
        long latest = changes("").path("sequence").asLong();
        CompletableFuture<Api.Reply> poll = CompletableFuture.supplyAsync(() -> api.get(CHANGES + "?since=" + latest + "&wait=60"));
        assertEquals(201, api.post(ENV + "/dashboards", "{\"dashboard\":{\"uid\":\"late\",\"title\":\"Late\"}}").status());
        Api.Reply reply = poll.get(120, TimeUnit.SECONDS);
        assertEquals(200, reply.status(), reply.toString());
        assertEquals(List.of("dashboard late created"), entries(reply.json()));
        assertEquals(latest + 1, reply.json().path("sequence").asLong());
    }

    @Test
    void aLongPollWithNothingNewEndsWithTheLatestSequenceAndNoChanges() {
        assertEquals(201, api.post(ENV + "/folders", "{\"uid\":\"x\",\"title\":\"X\"}").status());
        long latest = changes("").path("sequence").asLong();
        JsonNode answer = changes("?since=" + latest + "&wait=1");
        assertEquals(latest, answer.path("sequence").asLong());
        assertEquals(0, answer.path("changes").size());
        assertFalse(answer.path("more").asBoolean());
    }

    @Test
    void changesOfOneEnvironmentAreNotInAnothersFeed() {
        assertEquals(201, api.post("/api/v1/environments", "{\"name\":\"staging\"}").status());
        long before = changes("").path("sequence").asLong();
        assertEquals(201, api.post("/api/v1/environments/staging/folders", "{\"uid\":\"s\",\"title\":\"S\"}").status());
        assertEquals(before, changes("").path("sequence").asLong());
        JsonNode staging = api.get("/api/v1/environments/staging/changes?since=0").json();
        assertEquals(List.of("environment staging created", "folder s created"), entries(staging));
    }

    @Test
    void aSinceOrWaitOutOfRangeIs400NamingTheParameterAndAnUnknownEnvironmentIs404() {
        for (String[] c : new String[][] {{"since=-1", "since"}, {"since=abc", "since"}, {"wait=61", "wait"}, {"wait=x", "wait"}}) {
            Api.Reply reply = api.get(CHANGES + "?" + c[0]);
            assertEquals(400, reply.status(), reply.toString());
            assertEquals("application/problem+json", reply.contentType());
            assertEquals(c[1], reply.json().path("parameter").asText(), reply.toString());
        }
        Api.Reply missing = api.get("/api/v1/environments/nope/changes?wait=5");
        assertEquals(404, missing.status(), missing.toString());
        assertEquals("application/problem+json", missing.contentType());
    }
}
