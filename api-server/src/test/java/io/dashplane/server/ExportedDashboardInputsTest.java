package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The native dashboard write binds the {@code __inputs} of a dashboard exported for sharing, as Grafana's import does. */
class ExportedDashboardInputsTest extends ServerTestSupport {
    static final String D = ENV + "/dashboards";
    static final String SHARED = "{\"__inputs\": [{\"name\": \"DS_PROMETHEUS\", \"label\": \"Prometheus\","
            + " \"type\": \"datasource\", \"pluginId\": \"prometheus\"}],"
            + " \"__requires\": [{\"type\": \"datasource\", \"id\": \"prometheus\", \"name\": \"Prometheus\", \"version\": \"1.0.0\"}],"
            + " \"uid\": \"shared\", \"title\": \"Shared ${DS_PROMETHEUS}\", \"schemaVersion\": 39, \"panels\": [{\"id\": 1,"
            + " \"type\": \"stat\", \"title\": \"up\", \"gridPos\": {\"x\": 0, \"y\": 0, \"w\": 6, \"h\": 4},"
            + " \"datasource\": {\"type\": \"prometheus\", \"uid\": \"${DS_PROMETHEUS}\"},"
            + " \"targets\": [{\"refId\": \"A\", \"datasource\": {\"type\": \"prometheus\", \"uid\": \"${DS_PROMETHEUS}\"}, \"expr\": \"up\"}]}]}";
    static final String BINDING = "[{\"name\": \"DS_PROMETHEUS\", \"type\": \"datasource\", \"pluginId\": \"prometheus\","
            + " \"value\": \"prom-main\"}]";

    private void createPrometheus() {
        Api.Reply r = api.put(ENV + "/datasources/prom-main", "{\"name\": \"Prometheus\", \"type\": \"prometheus\", \"url\": \"http://p\"}");
        assertEquals(201, r.status(), r.toString());
    }

    @Test
    void aNativeWriteWithInputsStoresTheResolvedDashboardWithoutInputs() {
        createPrometheus();
        Api.Reply written = api.put(D + "/shared", "{\"dashboard\": " + SHARED + ", \"inputs\": " + BINDING + "}");
        assertEquals(201, written.status(), written.toString());
        assertTrue(written.json().path("warnings").isEmpty() || !written.toString().contains("__inputs placeholder"),
                written.toString());

        JsonNode stored = api.get(D + "/shared").json().get("dashboard");
        assertFalse(stored.has("__inputs"), stored.toString());
        assertEquals("prom-main", stored.at("/panels/0/datasource/uid").asText());
        assertEquals("prom-main", stored.at("/panels/0/targets/0/datasource/uid").asText());
        assertEquals("Shared prom-main", stored.get("title").asText());
        assertTrue(stored.has("__requires"), "everything but __inputs is kept as sent: " + stored);

        Api.Reply posted = api.post(D, "{\"dashboard\": " + SHARED.replace("\"shared\"", "\"shared-2\"")
                + ", \"inputs\": " + BINDING + "}");
        assertEquals(201, posted.status(), posted.toString());
        assertEquals("prom-main", api.get(D + "/shared-2").json().at("/dashboard/panels/0/datasource/uid").asText());
    }

    @Test
    void anInputWithoutAValueIsRefusedWithAPointerToInputsAndNothingIsStored() {
        createPrometheus();
        Api.Reply refused = api.put(D + "/shared", "{\"dashboard\": " + SHARED + ", \"inputs\": []}");
        assertEquals(422, refused.status(), refused.toString());
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.toString());
        JsonNode error = refused.json().at("/errors/0");
        assertEquals("/inputs", error.get("pointer").asText(), refused.toString());
        assertTrue(error.get("message").asText().contains("DS_PROMETHEUS"), refused.toString());
        assertEquals(404, api.get(D + "/shared").status());

        Api.Reply nameless = api.put(D + "/shared", "{\"dashboard\": " + SHARED + ", \"inputs\": [{\"value\": \"prom-main\"}]}");
        assertEquals(422, nameless.status(), nameless.toString());
        assertEquals("/inputs/0/name", nameless.json().at("/errors/0/pointer").asText(), nameless.toString());
    }

    @Test
    void withoutInputsTheExportedDashboardIsStoredAsSent() {
        createPrometheus();
        Api.Reply written = api.put(D + "/shared", "{\"dashboard\": " + SHARED + "}");
        assertEquals(201, written.status(), written.toString());
        JsonNode stored = api.get(D + "/shared").json().get("dashboard");
        assertTrue(stored.has("__inputs"), stored.toString());
        assertEquals("${DS_PROMETHEUS}", stored.at("/panels/0/datasource/uid").asText());
    }
}
