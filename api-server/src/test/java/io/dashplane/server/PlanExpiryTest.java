package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.server.config.ServerConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Stored promotion/import plans expire after the configured lifetime: 410 while kept, deleted when a new one is stored. */
class PlanExpiryTest extends ServerTestSupport {

    @Test
    void anExpiredPlanIsRefusedWithGoneAndLaterDeleted() {
        server.close();
        server = DashplaneServer.start(io.dashplane.server.testdb.TestBackend.ephemeral(dataDir).withPlanTtl(Duration.ofSeconds(1)));
        api = new Api(server.baseUri());
        assertEquals(201, api.post("/api/v1/environments", "{\"name\":\"staging\"}").status());
        assertEquals(201, api.post("/api/v1/environments", "{\"name\":\"prod\"}").status());
        PromotionApiTest.created(api.post("/api/v1/environments/staging/folders", "{\"uid\":\"team\",\"title\":\"Team\"}"));

        String id = dryRun();
        var gone = ProvisioningRescanTest.poll(() -> api.get("/api/v1/promotions/plans/" + id), r -> r.status() == 410);
        assertTrue(gone.json().get("detail").asText().contains("plan '" + id + "' expired at"), gone.toString());
        assertTrue(gone.json().has("expiredAt"), gone.toString());
        var apply = api.post("/api/v1/promotions/" + id + "/apply", "{}");
        assertEquals(410, apply.status(), apply.toString());
        assertTrue(apply.raw().headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                apply.toString());
        assertEquals(404, api.get("/api/v1/environments/prod/folders/team").status(), "nothing of an expired plan is written");

        String next = dryRun();
        var deleted = api.get("/api/v1/promotions/plans/" + id);
        assertEquals(404, deleted.status(), "storing a new plan deletes the expired ones: " + deleted);
        assertTrue(deleted.json().get("detail").asText().contains("plans expire 1 s after they are computed"), deleted.toString());
        assertTrue(api.get("/api/v1/promotions/plans/" + next).status() != 404, "the new plan is kept");
    }

    private String dryRun() {
        var plan = api.post("/api/v1/promotions", "{\"source\":\"staging\",\"target\":\"prod\",\"dryRun\":true}");
        assertEquals(200, plan.status(), plan.toString());
        JsonNode json = plan.json();
        return json.has("plan") ? json.at("/plan/id").asText() : json.get("id").asText();
    }
}
