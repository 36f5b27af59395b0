package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Promotion needs Viewer on the source and Admin on the target; the actor and the audit log name the promoter. */
class PromotionAccessTest extends ServerTestSupport {

    @Test
    void promotionNeedsReadOnTheSourceAndAdminOnTheTarget() {
        assertEquals(201, api.post("/api/v1/environments", "{\"name\":\"staging\"}").status());
        assertEquals(201, api.post("/api/v1/environments", "{\"name\":\"prod\"}").status());
        assertEquals(201, api.put("/api/v1/environments/staging/dashboards/board",
                "{\"dashboard\":{\"title\":\"Board\",\"panels\":[]}}").status());
        Accounts.Account promoter = Accounts.create(api, "promoter", Map.of("staging", "Viewer", "prod", "Admin"));
        Accounts.Account editorOnTarget = Accounts.create(api, "editor", Map.of("staging", "Viewer", "prod", "Editor"));
        Accounts.Account targetOnly = Accounts.create(api, "target-only", Map.of("prod", "Admin"));
        String dryRun = "{\"source\":\"staging\",\"target\":\"prod\",\"dryRun\":true}";

        Api.Reply editor = api.as(editorOnTarget.token()).post("/api/v1/promotions", dryRun);
        assertEquals(403, editor.status(), editor.toString());
        assertEquals("Admin", editor.json().get("requiredRole").asText());
        assertEquals("prod", editor.json().get("environment").asText());
        Api.Reply blind = api.as(targetOnly.token()).post("/api/v1/promotions", dryRun);
        assertEquals(403, blind.status(), blind.toString());
        assertEquals("Viewer", blind.json().get("requiredRole").asText());
        assertEquals("staging", blind.json().get("environment").asText());

        Api.Reply plan = api.as(promoter.token()).post("/api/v1/promotions", dryRun);
        assertEquals(200, plan.status(), plan.toString());
        String planId = plan.json().get("id") != null ? plan.json().get("id").asText() : plan.json().at("/plan/id").asText();
        assertFalse(planId.isEmpty(), plan.toString());

        // Applying or reading a stored plan: the plan's environments decide.
        assertEquals(403, api.as(editorOnTarget.token()).post("/api/v1/promotions/" + planId + "/apply", "").status());
        assertEquals(403, api.as(targetOnly.token()).get("/api/v1/promotions/plans/" + planId).status());
        assertEquals(200, api.as(editorOnTarget.token()).get("/api/v1/promotions/plans/" + planId).status());
        Api.Reply applied = api.as(promoter.token()).send(HttpRequest.newBuilder(
                        api.uri("/api/v1/promotions/" + planId + "/apply"))
                .header("X-Dashplane-Actor", "somebody-else").POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, applied.status(), applied.toString());
        assertEquals("promoter", applied.json().at("/promotion/actor").asText(), "the claimed actor header is ignored");
        assertEquals(200, api.get("/api/v1/environments/prod/dashboards/board").status());

        String recordId = applied.json().at("/promotion/id").asText();
        assertEquals(200, api.as(editorOnTarget.token()).get("/api/v1/promotions/" + recordId).status());
        assertEquals(403, api.as(targetOnly.token()).get("/api/v1/promotions/" + recordId).status());
        assertEquals(403, api.as(promoter.token()).get("/api/v1/promotions").status(), "the cross-environment list is the server admin's");

        // The promoted objects are audited with the promoter as actor, in the target environment.
        JsonNode audit = api.get("/api/v1/audit?env=prod&kind=dashboard&uid=board").json();
        assertEquals(1, audit.get("total").asLong(), audit.toString());
        assertEquals("promoter", audit.at("/items/0/actor").asText());
        assertEquals("create", audit.at("/items/0/action").asText());
        assertTrue(api.as(promoter.token()).get("/api/v1/audit?env=prod").json().get("total").asLong() >= 1);
    }

    @Test
    void importNeedsAdminAndExportNeedsRead() {
        Accounts.Account editor = Accounts.create(api, "editor", Map.of("default", "Editor"));
        Accounts.Account admin = Accounts.create(api, "admin-default", Map.of("default", "Admin"));
        Api.Reply export = api.as(editor.token()).get(ENV + "/export");
        assertEquals(200, export.status(), export.toString());
        Api.Reply denied = api.as(editor.token()).post(ENV + "/import?dryRun=true", export.body());
        assertEquals(403, denied.status(), denied.toString());
        assertEquals("Admin", denied.json().get("requiredRole").asText());
        assertEquals(200, api.as(admin.token()).post(ENV + "/import?dryRun=true", export.body()).status());
    }
}
