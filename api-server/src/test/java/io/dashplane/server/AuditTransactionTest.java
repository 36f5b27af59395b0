package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An audit entry and its change-feed entry are written in the transaction of the change: they exist exactly when
 * the change was committed, also when the write is refused after part of it was already written.
 */
class AuditTransactionTest extends ServerTestSupport {
    private static final String TEMPLATE = "{\"orgId\":1,\"name\":\"greeting\","
            + "\"template\":\"{{ define \\\"greeting\\\" }}hello{{ end }}\"}";

    @Test
    void anImportRefusedAfterItWroteATemplateLeavesNoAuditEntryAndNoChange() {
        write(api.post(ENV + "/folders", "{\"uid\":\"a\",\"title\":\"Same\"}"), 201);
        write(api.post(ENV + "/folders", "{\"uid\":\"p\",\"title\":\"P\"}"), 201);
        write(api.post(ENV + "/folders", "{\"uid\":\"b\",\"title\":\"Same\",\"parentUid\":\"p\"}"), 201);
        long audited = auditTotal();
        long sequence = latestChange();

        // the template is written first; the group's folder title is ambiguous, which refuses the whole file
        Api.Reply refused = importFile("{\"apiVersion\":1,\"templates\":[" + TEMPLATE + "],\"groups\":[{\"orgId\":1,"
                + "\"name\":\"g\",\"folder\":\"Same\",\"interval\":\"1m\",\"rules\":[]}]}", "");
        assertEquals(422, refused.status(), refused.toString());
        assertEquals("/groups/0/folder", refused.json().at("/errors/0/pointer").asText(), refused.toString());
        assertEquals(404, api.get(ENV + "/templates/greeting").status());
        assertEquals(audited, auditTotal(), "an audit entry of a rolled back write");
        assertEquals(List.of(), changesSince(sequence), "a change-feed entry of a rolled back write");

        // a dry run writes the template and rolls it back
        JsonNode dry = write(importFile("{\"apiVersion\":1,\"templates\":[" + TEMPLATE + "]}", "?dryRun=true"), 200);
        assertEquals("created", dry.at("/changes/0/action").asText(), dry.toString());
        assertEquals(audited, auditTotal(), "an audit entry of a dry run");
        assertEquals(List.of(), changesSince(sequence), "a change-feed entry of a dry run");

        write(importFile("{\"apiVersion\":1,\"templates\":[" + TEMPLATE + "]}", ""), 200);
        assertEquals(audited + 1, auditTotal());
        JsonNode entry = api.get("/api/v1/audit?perPage=1").json().at("/items/0");
        assertEquals("template greeting create", entry.path("kind").asText() + " " + entry.path("uid").asText()
                + " " + entry.path("action").asText(), entry.toString());
        assertEquals(List.of("template greeting created"), changesSince(sequence));
    }

    @Test
    void aWriteRefusedForAStaleVersionOrInvalidContentLeavesNoAuditEntryAndNoChange() {
        write(api.put(ENV + "/dashboards/board", "{\"dashboard\":{\"title\":\"Board\"}}"), 201);
        long audited = auditTotal();
        long sequence = latestChange();

        assertEquals(409, api.put(ENV + "/dashboards/board", "{\"dashboard\":{\"title\":\"Board 2\"}}", "\"7\"")
                .status(), "a stale If-Match");
        assertEquals(409, api.post(ENV + "/dashboards", "{\"dashboard\":{\"uid\":\"board\",\"title\":\"Again\"}}")
                .status(), "a create of a taken uid");
        assertEquals(422, api.put(ENV + "/dashboards/board", "{\"dashboard\":{\"title\":\"\"}}").status());

        assertEquals(audited, auditTotal(), "an audit entry of a refused write");
        assertEquals(List.of(), changesSince(sequence), "a change-feed entry of a refused write");
        assertEquals(1, api.get(ENV + "/dashboards/board").json().at("/meta/version").asLong());
    }

    private Api.Reply importFile(String file, String query) {
        return api.send(HttpRequest.newBuilder(api.uri(ENV + "/alerting/import" + query))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(file)));
    }

    private long auditTotal() {
        return write(api.get("/api/v1/audit"), 200).path("total").asLong();
    }

    private long latestChange() {
        return write(api.get(ENV + "/changes?since=0"), 200).path("sequence").asLong();
    }

    private List<String> changesSince(long sequence) {
        List<String> out = new ArrayList<>();
        write(api.get(ENV + "/changes?since=" + sequence), 200).path("changes").forEach(c -> out.add(
                c.path("kind").asText() + " " + (c.has("uid") ? c.path("uid").asText() : c.path("name").asText())
                        + " " + c.path("action").asText()));
        return out;
    }

    private static JsonNode write(Api.Reply reply, int status) {
        assertEquals(status, reply.status(), reply.toString());
        return reply.json();
    }
}
