package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestartTest extends ServerTestSupport {

    @Test
    void aRestartedServerReturnsEveryObjectAndEveryVersion() {
        assertEquals(201, api.post("/api/v1/environments", "{\"name\":\"prod\",\"description\":\"production\"}").status());
        for (String env : List.of("default", "prod")) {
            String base = "/api/v1/environments/" + env;
            assertEquals(201, api.post(base + "/datasources", "{\"uid\":\"Prometheus\",\"name\":\"Prometheus\",\"type\":\"prometheus\",\"isDefault\":true,\"secureJsonData\":{\"password\":\"p\"}}").status());
            assertEquals(201, api.post(base + "/folders", "{\"uid\":\"ml\",\"title\":\"ML\"}").status());
            assertEquals(201, api.post(base + "/folders", "{\"uid\":\"sub\",\"title\":\"Sub\",\"parentUid\":\"ml\"}").status());
            for (int i = 0; i < 3; i++) {
                for (int v = 0; v < 3; v++) {
                    var r = api.put(base + "/dashboards/d" + i, "{\"dashboard\":{\"title\":\"Dash " + i + " v" + v
                            + "\",\"tags\":[\"t" + i + "\"],\"schemaVersion\":39,\"n\":1.50},\"folderUid\":\"sub\",\"message\":\"v" + v + "\"}");
                    assertEquals(v == 0 ? 201 : 200, r.status(), r.toString());
                }
            }
        }
        Map<String, JsonNode> before = snapshot();
        restart();
        Map<String, JsonNode> after = snapshot();
        assertEquals(before.keySet(), after.keySet());
        before.forEach((path, json) -> assertEquals(json, after.get(path), path));
        // And the server keeps working: secrets still decrypt with the persisted key.
        assertEquals("p", server.services().datasources().decryptSecrets("prod", "Prometheus").get("password"));
        assertEquals(200, api.put("/api/v1/environments/prod/dashboards/d0", "{\"dashboard\":{\"title\":\"After\",\"schemaVersion\":39}}", "3").status());
    }

    private Map<String, JsonNode> snapshot() {
        Map<String, JsonNode> s = new LinkedHashMap<>();
        List<String> paths = new ArrayList<>(List.of("/api/v1/environments"));
        for (String env : List.of("default", "prod")) {
            String base = "/api/v1/environments/" + env;
            paths.addAll(List.of(base, base + "/datasources", base + "/datasources/Prometheus", base + "/folders",
                    base + "/folders/ml", base + "/folders/sub", base + "/dashboards", base + "/dashboards?tag=t1"));
            for (int i = 0; i < 3; i++) {
                paths.add(base + "/dashboards/d" + i);
                paths.add(base + "/dashboards/d" + i + "/versions");
                for (int v = 1; v <= 3; v++) {
                    paths.add(base + "/dashboards/d" + i + "/versions/" + v);
                }
            }
        }
        for (String p : paths) {
            var r = api.get(p);
            assertEquals(200, r.status(), p + " " + r);
            s.put(p, r.json());
        }
        return s;
    }
}
