package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code POST .../dashboards/_read}: many GETs by uid in one request, for the Terraform provider's refresh. */
class DashboardBulkReadTest extends ServerTestSupport {
    static final String D = ENV + "/dashboards";

    private String create(String uid, String title) {
        var created = api.post(D, "{\"dashboard\":{\"uid\":\"" + uid + "\",\"title\":\"" + title
                + "\",\"panels\":[],\"schemaVersion\":39,\"refresh\":1.50}}");
        assertEquals(201, created.status(), created.toString());
        return uid;
    }

    @Test
    void eachStoredUidIsAnsweredWithTheBodyItsGetAnswersInTheOrderAskedAndMissingUidsAreListed() {
        create("bulk-a", "A");
        create("bulk-b", "B");
        var changed = api.put(D + "/bulk-b", "{\"dashboard\":{\"uid\":\"bulk-b\",\"title\":\"B2\",\"panels\":[]}}");
        assertEquals(200, changed.status(), changed.toString());

        var r = api.post(D + "/_read", "{\"uids\":[\"bulk-b\",\"gone\",\"bulk-a\"]}");

        assertEquals(200, r.status(), r.toString());
        JsonNode items = r.json().get("items");
        assertEquals(2, items.size(), r.toString());
        for (int i = 0; i < 2; i++) {
            String uid = List.of("bulk-b", "bulk-a").get(i);
            var single = api.get(D + "/" + uid);
            assertEquals(single.json(), items.get(i), uid);
            assertEquals(single.header("ETag"), "\"" + items.get(i).at("/meta/version").asLong() + "\"", uid);
        }
        assertEquals(2, items.get(0).at("/meta/version").asLong());
        assertEquals("A", items.get(1).at("/dashboard/title").asText());
        assertEquals(List.of("gone"), Api.JSON.convertValue(r.json().get("missing"), List.class));
    }

    @Test
    void aReadAfterADeleteReportsTheDeletedUidMissing() {
        create("bulk-c", "C");
        assertEquals(1, api.post(D + "/_read", "{\"uids\":[\"bulk-c\"]}").json().get("items").size());
        assertEquals(204, api.delete(D + "/bulk-c").status());

        var r = api.post(D + "/_read", "{\"uids\":[\"bulk-c\"]}");

        assertEquals(200, r.status(), r.toString());
        assertEquals(0, r.json().get("items").size(), r.toString());
        assertEquals("bulk-c", r.json().at("/missing/0").asText(), r.toString());
    }

    @Test
    void anUnknownEnvironmentIsNotFoundAndABodyWithoutUidsIsAProblemAtUids() {
        var unknown = api.post("/api/v1/environments/nowhere/dashboards/_read", "{\"uids\":[\"x\"]}");
        assertEquals(404, unknown.status(), unknown.toString());
        assertTrue(unknown.contentType().startsWith("application/problem+json"), unknown.toString());

        var noUids = api.post(D + "/_read", "{}");
        assertEquals(422, noUids.status(), noUids.toString());
        assertTrue(noUids.contentType().startsWith("application/problem+json"), noUids.toString());
        assertEquals("/uids", noUids.json().at("/errors/0/pointer").asText(), noUids.toString());

        var tooMany = api.post(D + "/_read", "{\"uids\":" + Api.JSON.valueToTree(
                java.util.Collections.nCopies(501, "u")) + "}");
        assertEquals("/uids", tooMany.json().at("/errors/0/pointer").asText(), tooMany.toString());
    }
}
