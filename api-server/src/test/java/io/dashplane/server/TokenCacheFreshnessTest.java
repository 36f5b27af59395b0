package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Authenticated tokens are remembered across requests until a write changes what a principal is made of: a token,
 * an account, a role or an environment. Every such change is seen by the very next request.
 */
class TokenCacheFreshnessTest extends ServerTestSupport {
    private static final String STAGING = "/api/v1/environments/staging";
    private static final String DASHBOARD = "{\"dashboard\":{\"title\":\"T\",\"panels\":[]}}";

    @Test
    void aRememberedTokenLosesARoleTakenAwayAndARoleThatWentWithADeletedEnvironmentAtOnce() {
        assertEquals(201, api.post("/api/v1/environments", "{\"name\":\"staging\"}").status());
        Accounts.Account ci = Accounts.create(api, "ci", Map.of("default", "Editor", "staging", "Editor"));
        Api asCi = api.as(ci.token());
        assertEquals(201, asCi.post(ENV + "/dashboards", DASHBOARD).status());
        assertEquals(201, asCi.post(STAGING + "/dashboards", DASHBOARD).status()); // remembered from here on
        assertEquals(201, api.post(ENV + "/dashboards", DASHBOARD).status()); // a write to content only

        assertEquals(200, api.put("/api/v1/service-accounts/" + ci.id() + "/roles/default", "{\"role\":\"Viewer\"}")
                .status());
        assertEquals(403, asCi.post(ENV + "/dashboards", DASHBOARD).status());
        assertEquals(201, asCi.post(STAGING + "/dashboards", DASHBOARD).status());

        // the role row goes with the environment (ON DELETE CASCADE); a new environment of that name grants nothing
        assertEquals(204, api.delete(STAGING + "?force=true").status());
        assertEquals(201, api.post("/api/v1/environments", "{\"name\":\"staging\"}").status());
        assertEquals(403, asCi.post(STAGING + "/dashboards", DASHBOARD).status());
        assertEquals(403, asCi.get(STAGING + "/dashboards").status());
    }
}
