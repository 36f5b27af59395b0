package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A dashboard write validates against the datasources the environment's previous write saw (no read of its own before
 * the write lock) and checks them again inside its transaction: what changed in between is never missed, and the
 * answers are those of a fresh read.
 */
class DashboardWriteFreshnessTest extends ServerTestSupport {
    private static final String PANEL_ON_PROM = "\"panels\":[{\"id\":1,\"type\":\"timeseries\","
            + "\"gridPos\":{\"x\":0,\"y\":0,\"w\":12,\"h\":8},\"datasource\":{\"type\":\"prometheus\",\"uid\":\"prom\"}}]";

    @Test
    void aDashboardOnADatasourceDeletedSinceThePreviousWriteIsRefusedWithThePointer() {
        assertEquals(201, api.post(ENV + "/datasources", "{\"uid\":\"prom\",\"name\":\"Prom\",\"type\":\"prometheus\"}")
                .status());
        var first = api.post(ENV + "/dashboards", "{\"dashboard\":{\"uid\":\"first\",\"title\":\"First\"," + PANEL_ON_PROM
                + "}}");
        assertEquals(201, first.status(), first.toString());
        assertEquals(204, api.delete(ENV + "/datasources/prom?force=true").status());

        var second = api.post(ENV + "/dashboards", "{\"dashboard\":{\"uid\":\"second\",\"title\":\"Second\","
                + PANEL_ON_PROM + "}}");
        assertEquals(422, second.status(), second.toString());
        assertEquals("/dashboard/panels/0/datasource/uid", second.json().get("errors").get(0).get("pointer").asText(),
                second.toString());
        assertEquals(404, api.get(ENV + "/dashboards/second").status());
    }

    @Test
    void aWriteToAnEnvironmentDeletedSinceItsPreviousWriteIsA404EvenWithInvalidContent() {
        String staging = "/api/v1/environments/staging";
        assertEquals(201, api.post("/api/v1/environments", "{\"name\":\"staging\"}").status());
        assertEquals(201, api.post(staging + "/dashboards", "{\"dashboard\":{\"uid\":\"a\",\"title\":\"A\"}}").status());
        assertEquals(204, api.delete(staging + "?force=true").status());

        var invalid = api.post(staging + "/dashboards", "{\"dashboard\":{\"uid\":\"b\",\"title\":\"\"}}");
        assertEquals(404, invalid.status(), invalid.toString());
        var valid = api.post(staging + "/dashboards", "{\"dashboard\":{\"uid\":\"c\",\"title\":\"C\"}}");
        assertEquals(404, valid.status(), valid.toString());
    }
}
