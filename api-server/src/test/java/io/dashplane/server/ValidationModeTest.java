package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Environments in warn mode store dashboards with unresolved references and report them as warnings. */
class ValidationModeTest extends ServerTestSupport {
    /** A dashboard exported from another Grafana: its datasource uid and its $cluster variable exist nowhere here. */
    private static final String MIGRATED = """
            {"dashboard": {"uid": "migrated", "title": "Migrated", "schemaVersion": 39,
              "panels": [{"id": 1, "type": "timeseries", "title": "CPU on $cluster",
                          "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8},
                          "datasource": {"type": "prometheus", "uid": "PBFA97CFB590B2093"},
                          "targets": [{"refId": "A", "expr": "rate(cpu_seconds_total[5m])"}]}]}}
            """;
    private static final List<String> UNRESOLVED = List.of("/dashboard/panels/0/datasource/uid",
            "/dashboard/panels/0/title");

    @Test
    void environmentsAreStrictByDefaultAndRejectUnresolvedReferences() {
        assertEquals("strict", api.get(ENV).json().get("validation").asText());
        var created = api.post("/api/v1/environments", "{\"name\":\"staging\"}");
        assertEquals("strict", created.json().get("validation").asText(), created.toString());

        var rejected = api.post("/api/v1/environments/staging/dashboards", MIGRATED);
        assertEquals(422, rejected.status(), rejected.toString());
        assertEquals(UNRESOLVED, pointers(rejected.json().get("errors")));
    }

    @Test
    void aWarnEnvironmentStoresUnresolvedReferencesAndReturnsThemAsWarnings() {
        var created = api.post("/api/v1/environments", "{\"name\":\"migration\",\"validation\":\"warn\"}");
        assertEquals(201, created.status(), created.toString());
        assertEquals("warn", created.json().get("validation").asText());

        var stored = api.post("/api/v1/environments/migration/dashboards", MIGRATED);
        assertEquals(201, stored.status(), stored.toString());
        assertEquals(UNRESOLVED, pointers(stored.json().get("warnings")));
        assertTrue(stored.json().get("warnings").get(0).get("message").asText()
                .contains("datasource 'PBFA97CFB590B2093' matches no datasource"), stored.toString());
        assertEquals(200, api.get("/api/v1/environments/migration/dashboards/migrated").status());
    }

    @Test
    void structuralErrorsStayErrorsInWarnMode() {
        api.post("/api/v1/environments", "{\"name\":\"migration\",\"validation\":\"warn\"}");
        var noTitle = api.post("/api/v1/environments/migration/dashboards",
                "{\"dashboard\": {\"uid\": \"x\", \"schemaVersion\": 39}}");
        assertEquals(422, noTitle.status(), noTitle.toString());
        assertEquals(List.of("/dashboard/title"), pointers(noTitle.json().get("errors")));
    }

    @Test
    void theModeIsChangedInPlaceByPutAndStrictRejectsAgain() {
        var toWarn = api.put(ENV, "{\"description\":\"Default environment\",\"validation\":\"warn\"}", "\"1\"");
        assertEquals(200, toWarn.status(), toWarn.toString());
        assertEquals("warn", toWarn.json().get("validation").asText());
        assertEquals(2, toWarn.json().get("version").asLong());
        assertEquals("\"2\"", toWarn.header("ETag"));
        assertEquals(201, api.post(ENV + "/dashboards", MIGRATED).status());

        var stale = api.put(ENV, "{\"validation\":\"strict\"}", "\"1\"");
        assertEquals(409, stale.status(), stale.toString());
        var toStrict = api.put(ENV, "{\"description\":\"Default environment\",\"validation\":\"strict\"}");
        assertEquals(200, toStrict.status(), toStrict.toString());
        var rejected = api.put(ENV + "/dashboards/migrated", MIGRATED);
        assertEquals(422, rejected.status(), rejected.toString());
    }

    @Test
    void anUnknownModeIsRejectedWithAPointerToTheField() {
        for (var reply : List.of(api.post("/api/v1/environments", "{\"name\":\"x\",\"validation\":\"lenient\"}"),
                api.put(ENV, "{\"validation\":\"lenient\"}"))) {
            assertEquals(422, reply.status(), reply.toString());
            assertTrue(reply.contentType().startsWith("application/problem+json"), reply.toString());
            assertEquals("/validation", reply.json().get("errors").get(0).get("pointer").asText(), reply.toString());
            assertTrue(reply.body().contains("must be strict or warn"), reply.toString());
        }
        assertEquals(404, api.put("/api/v1/environments/nope", "{\"validation\":\"warn\"}").status());
    }

    private static List<String> pointers(JsonNode findings) {
        List<String> pointers = new ArrayList<>();
        findings.forEach(f -> pointers.add(f.get("pointer").asText()));
        return pointers;
    }
}
