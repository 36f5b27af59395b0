package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POST /environments/{env}/validate: each item answered as its write would be, nothing written. */
class PlanValidationApiTest extends ServerTestSupport {
    private static final String VALIDATE = ENV + "/validate";
    private static final String D = ENV + "/dashboards";
    private static final String PANEL = "{\"id\":1,\"type\":\"timeseries\",\"title\":\"%s\","
            + "\"gridPos\":{\"x\":%d,\"y\":0,\"w\":%d,\"h\":8},\"datasource\":{\"type\":\"prometheus\",\"uid\":\"%s\"}}";

    private static String dashboard(String uid, String title, String panelTitle, int x, int w, String datasource) {
        return "{\"uid\":\"" + uid + "\",\"title\":\"" + title + "\",\"schemaVersion\":39,\"panels\":["
                + PANEL.formatted(panelTitle, x, w, datasource) + "]}";
    }

    @Test
    void eachItemGetsTheStatusAndProblemBodyOfItsWriteAndNothingIsWritten() {
        assertEquals(201, api.post(ENV + "/datasources", "{\"uid\":\"prom\",\"name\":\"Prom\",\"type\":\"prometheus\"}").status());
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("missing-datasource", "{\"dashboard\":" + dashboard("a", "A", "Up", 0, 12, "nope") + "}");
        bodies.put("blank-title", "{\"dashboard\":" + dashboard("b", "  ", "Up", 0, 12, "prom") + "}");
        bodies.put("too-wide", "{\"dashboard\":" + dashboard("c", "C", "Up", 20, 8, "prom") + "}");
        bodies.put("undefined-variable", "{\"dashboard\":" + dashboard("d", "D", "Up on $cluster", 0, 12, "prom") + "}");
        bodies.put("missing-folder", "{\"folderUid\":\"nowhere\",\"dashboard\":" + dashboard("e", "E", "Up", 0, 12, "prom") + "}");
        bodies.put("valid-with-warning", "{\"dashboard\":{\"uid\":\"f\",\"title\":\"F\"}}");

        List<JsonNode> writes = new ArrayList<>();
        for (String body : bodies.values()) {
            writes.add(api.post(D + "?dryRun=true", body).json());
        }
        StringBuilder request = new StringBuilder("{\"items\":[");
        bodies.forEach((key, body) -> request.append(request.length() > 10 ? "," : "")
                .append("{\"key\":\"").append(key).append("\",\"kind\":\"dashboard\",\"body\":").append(body).append('}'));
        Api.Reply reply = api.post(VALIDATE, request + "]}");

        assertEquals(200, reply.status(), reply.toString());
        JsonNode items = reply.json().get("items");
        assertFalse(reply.json().get("valid").asBoolean());
        List<String> keys = new ArrayList<>(bodies.keySet());
        for (int i = 0; i < keys.size(); i++) {
            JsonNode item = items.get(i);
            assertEquals(keys.get(i), item.get("key").asText());
            assertEquals(writes.get(i), item.get("body"), keys.get(i) + ": the body a dry-run POST answers");
            assertEquals(i < 5 ? 422 : 200, item.get("status").asInt(), item.toString());
            assertEquals(i == 5, item.get("valid").asBoolean());
        }
        assertEquals("/dashboard/panels/0/datasource/uid", items.get(0).at("/body/errors/0/pointer").asText());
        assertEquals("/dashboard/title", items.get(1).at("/body/errors/0/pointer").asText());
        assertEquals("/dashboard/panels/0/gridPos/w", items.get(2).at("/body/errors/0/pointer").asText());
        assertEquals("/dashboard/panels/0/title", items.get(3).at("/body/errors/0/pointer").asText());
        assertEquals("/folderUid", items.get(4).at("/body/errors/0/pointer").asText());
        assertEquals("/dashboard/schemaVersion", items.get(5).at("/body/warnings/0/pointer").asText());
        assertEquals(0, api.get(D).json().get("total").asInt(), "validation writes nothing");
        assertEquals(404, api.get(D + "/f").status());
    }

    @Test
    void datasourcesAndFoldersPlannedInTheSameRequestCountAsExisting() {
        String body = "{\"folderUid\":\"team\",\"dashboard\":{\"uid\":\"a\",\"title\":\"A\",\"schemaVersion\":39,"
                + "\"panels\":[" + PANEL.formatted("Up", 0, 12, "new-prom") + "],"
                + "\"templating\":{\"list\":[{\"name\":\"q\",\"type\":\"query\",\"datasource\":\"New Loki\",\"query\":\"up\"}]}}}";
        String item = "{\"key\":\"dashplane_dashboard.a\",\"kind\":\"dashboard\",\"body\":" + body + "}";

        JsonNode alone = api.post(VALIDATE, "{\"items\":[" + item + "]}").json();
        assertEquals(List.of("/dashboard/panels/0/datasource/uid", "/dashboard/templating/list/0/datasource"),
                pointers(alone.at("/items/0/body/errors")), "as a write, content problems are reported before the folder's");
        JsonNode folderOnly = api.post(VALIDATE, "{\"planned\":{\"datasourceUids\":[\"new-prom\"],"
                + "\"datasourceNames\":[\"New Loki\"]},\"items\":[" + item + "]}").json();
        assertEquals(List.of("/folderUid"), pointers(folderOnly.at("/items/0/body/errors")));

        Api.Reply planned = api.post(VALIDATE, "{\"planned\":{\"datasourceUids\":[\"new-prom\"],"
                + "\"datasourceNames\":[\"New Loki\"],\"folderUids\":[\"team\"]},\"items\":[" + item + "]}");
        assertEquals(200, planned.status(), planned.toString());
        assertTrue(planned.json().get("valid").asBoolean(), planned.toString());
        assertEquals("a", planned.json().at("/items/0/body/uid").asText());
    }

    @Test
    void unknownValuesAreNotRefusedAndWhatIsKnownIsStillChecked() {
        String panel = "{\"id\":1,\"type\":\"timeseries\",\"gridPos\":{\"x\":0,\"y\":0,\"w\":12,\"h\":8},"
                + "\"datasource\":{\"type\":\"prometheus\",\"uid\":null}}";
        String partly = "{\"key\":\"partly\",\"kind\":\"dashboard\",\"unknown\":[\"/dashboard/panels/0/datasource/uid\","
                + "\"/dashboard/uid\"],\"body\":{\"dashboard\":{\"uid\":null,\"title\":\"\",\"schemaVersion\":39,\"panels\":[" + panel + "]}}}";
        String wholly = "{\"key\":\"wholly\",\"kind\":\"dashboard\",\"unknown\":[\"/dashboard\"],"
                + "\"body\":{\"folderUid\":\"nowhere\",\"dashboard\":{}}}";
        String unknownTitle = "{\"key\":\"title\",\"kind\":\"dashboard\",\"unknown\":[\"/dashboard/title\",\"/folderUid\"],"
                + "\"body\":{\"folderUid\":null,\"dashboard\":{\"schemaVersion\":39}}}";

        JsonNode reply = api.post(VALIDATE, "{\"items\":[" + partly + "," + wholly + "," + unknownTitle + "]}").json();

        assertEquals(List.of("/dashboard/title"), pointers(reply.at("/items/0/body/errors")), reply.toString());
        assertEquals(List.of("/folderUid"), pointers(reply.at("/items/1/body/errors")), reply.toString());
        assertTrue(reply.at("/items/2/valid").asBoolean(), reply.toString());
    }

    @Test
    void anItemWithAUidIsCheckedAsAPutAndOneWithoutAsACreate() {
        assertEquals(201, api.post(D, "{\"dashboard\":{\"uid\":\"kept\",\"title\":\"Kept\",\"schemaVersion\":39}}").status());
        String replace = "{\"version\":7,\"dashboard\":{\"uid\":\"kept\",\"title\":\"Kept\",\"schemaVersion\":39}}";
        String create = "{\"dashboard\":{\"uid\":\"kept\",\"title\":\"Again\",\"schemaVersion\":39}}";
        JsonNode putAnswer = api.put(D + "/kept?dryRun=true", replace).json();
        JsonNode postAnswer = api.post(D + "?dryRun=true", create).json();

        JsonNode reply = api.post(VALIDATE, "{\"items\":[{\"key\":\"put\",\"kind\":\"dashboard\",\"uid\":\"kept\",\"body\":"
                + replace + "},{\"key\":\"post\",\"kind\":\"dashboard\",\"body\":" + create + "},"
                + "{\"key\":\"put-current\",\"kind\":\"dashboard\",\"uid\":\"kept\",\"body\":{\"version\":1,\"dashboard\":"
                + "{\"title\":\"Renamed\",\"schemaVersion\":39}}}]}").json();

        assertEquals(409, reply.at("/items/0/status").asInt());
        assertEquals(putAnswer, reply.at("/items/0/body"));
        assertEquals(1, reply.at("/items/0/body/currentVersion").asInt());
        assertEquals(409, reply.at("/items/1/status").asInt());
        assertEquals(postAnswer, reply.at("/items/1/body"));
        assertEquals(2, reply.at("/items/2/body/version").asInt(), "the version the write would create");
        assertEquals("Kept", api.get(D + "/kept").json().at("/dashboard/title").asText());
    }

    @Test
    void aViewerMayValidateButNotWrite() {
        Accounts.Account viewer = Accounts.create(api, "ci-plan", Map.of("default", "Viewer"));
        Api asViewer = api.as(viewer.token());
        String body = "{\"dashboard\":{\"uid\":\"v\",\"title\":\"V\",\"schemaVersion\":39}}";

        Api.Reply validated = asViewer.post(VALIDATE, "{\"items\":[{\"key\":\"v\",\"kind\":\"dashboard\",\"body\":" + body + "}]}");

        assertEquals(200, validated.status(), validated.toString());
        assertTrue(validated.json().get("valid").asBoolean());
        assertEquals(403, asViewer.post(D + "?dryRun=true", body).status());
    }

    @Test
    void aMalformedRequestIsRefusedWithPointersIntoIt() {
        Api.Reply noItems = api.post(VALIDATE, "{}");
        assertEquals(422, noItems.status(), noItems.toString());
        assertTrue(noItems.contentType().startsWith("application/problem+json"));
        assertEquals(List.of("/items"), pointers(noItems.json().get("errors")));

        Api.Reply badItem = api.post(VALIDATE, "{\"items\":[{\"key\":\"x\",\"kind\":\"folder\",\"body\":{\"dashboard\":{}},"
                + "\"unknown\":[\"title\"]},{\"key\":\"\",\"kind\":\"dashboard\"}]}");
        assertEquals(422, badItem.status(), badItem.toString());
        assertEquals(List.of("/items/0/kind", "/items/0/unknown/0", "/items/1/body", "/items/1/key"),
                pointers(badItem.json().get("errors")));

        assertEquals(404, api.post("/api/v1/environments/nowhere/validate", "{\"items\":[]}").status());
    }

    private static List<String> pointers(JsonNode errors) {
        List<String> pointers = new ArrayList<>();
        if (errors instanceof ArrayNode array) {
            array.forEach(e -> pointers.add(((ObjectNode) e).get("pointer").asText()));
        }
        return pointers;
    }
}
