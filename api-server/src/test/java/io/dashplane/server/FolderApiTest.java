package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FolderApiTest extends ServerTestSupport {
    static final String F = ENV + "/folders";

    @Test
    void crudNestingMoveCyclesAndForcedDelete() {
        assertEquals(201, api.post(F, "{\"uid\":\"ml\",\"title\":\"ML\"}").status());
        assertEquals(201, api.post(F, "{\"uid\":\"models\",\"title\":\"Models\",\"parentUid\":\"ml\"}").status());
        assertEquals(201, api.post(F, "{\"uid\":\"other\",\"title\":\"Other\"}").status());
        assertEquals(409, api.post(F, "{\"title\":\"ML\"}").status(), "sibling titles are unique");
        assertEquals(201, api.post(F, "{\"title\":\"ML\",\"parentUid\":\"other\"}").status(), "same title elsewhere is fine");
        var missingParent = api.post(F, "{\"title\":\"X\",\"parentUid\":\"ghost\"}");
        assertEquals(422, missingParent.status());
        assertEquals("/parentUid", missingParent.json().get("errors").get(0).get("pointer").asText());

        assertEquals(1, api.get(F + "?parentUid=ml").json().get("total").asLong());
        assertEquals(4, api.get(F).json().get("total").asLong());

        var cycle = api.post(F + "/ml/move", "{\"parentUid\":\"models\"}");
        assertEquals(422, cycle.status(), cycle.toString());
        assertEquals("/parentUid", cycle.json().get("errors").get(0).get("pointer").asText());
        assertEquals(422, api.put(F + "/ml", "{\"title\":\"ML\",\"parentUid\":\"ml\"}").status());

        var moved = api.post(F + "/models/move", "{\"parentUid\":\"other\"}");
        assertEquals(200, moved.status(), moved.toString());
        assertEquals("other", moved.json().get("parentUid").asText());
        assertEquals(2, moved.json().get("version").asLong());
        var toRoot = api.post(F + "/models/move", "{\"parentUid\":null}");
        assertEquals(200, toRoot.status());
        assertEquals(true, toRoot.json().get("parentUid").isNull());
        var renamed = api.put(F + "/models", "{\"title\":\"Models 2\",\"parentUid\":\"ml\"}", "3");
        assertEquals(200, renamed.status(), renamed.toString());
        assertEquals(409, api.put(F + "/models", "{\"title\":\"Models 3\"}", "3").status());

        // Depth limit: 8 levels.
        String parent = null;
        for (int i = 1; i <= 8; i++) {
            String body = "{\"uid\":\"d" + i + "\",\"title\":\"D" + i + "\"" + (parent == null ? "" : ",\"parentUid\":\"" + parent + "\"") + "}";
            assertEquals(201, api.post(F, body).status(), "level " + i);
            parent = "d" + i;
        }
        assertEquals(422, api.post(F, "{\"uid\":\"d9\",\"title\":\"D9\",\"parentUid\":\"d8\"}").status());
        assertEquals(422, api.post(F + "/ml/move", "{\"parentUid\":\"d7\"}").status(), "ml has a child: 7+1+1 > 8");

        // Non-empty delete.
        assertEquals(201, api.post(ENV + "/dashboards", "{\"dashboard\":{\"title\":\"In models\",\"uid\":\"inm\",\"schemaVersion\":39},\"folderUid\":\"models\"}").status());
        assertEquals(409, api.delete(F + "/ml").status());
        assertEquals(204, api.delete(F + "/ml?force=true").status());
        assertEquals(404, api.get(F + "/models").status());
        assertEquals(404, api.get(ENV + "/dashboards/inm").status());
        assertEquals(404, api.get(F + "/ml").status());
    }
}
