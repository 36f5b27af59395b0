package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.server.config.ServerConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Item "A Viewer reads secrets": every path that can answer a secret value (the decrypting alerting
 * export), and every path that shows objects holding secrets in another form (bundle export, redacted
 * alerting export, contact points, datasources, stored import and promotion plans, promotion records,
 * the audit log), walked by every kind of caller. Secret values come back only from the decrypting
 * export and only to an Admin of the environment or a server admin; everybody else gets a 403
 * problem there, and no other answer to anybody contains a secret value.
 */
class SecretAccessTest extends ServerTestSupport {
    private static final String DATASOURCE_SECRET = "ds-pw-" + System.nanoTime() + "-secret";
    private static final String BASIC_AUTH_SECRET = "ds-basic-" + System.nanoTime() + "-secret";
    private static final String SLACK_SECRET = "slack-" + System.nanoTime() + "-secret";
    private static final String PLAN_SECRET = "plan-pw-" + System.nanoTime() + "-secret";
    private static final String OTHER_SECRET = "other-pw-" + System.nanoTime() + "-secret";
    private static final List<String> SECRETS = List.of(DATASOURCE_SECRET, BASIC_AUTH_SECRET, SLACK_SECRET, PLAN_SECRET,
            OTHER_SECRET);

    private static final String ANONYMOUS = "anonymous";
    private static final String NO_ROLE = "no role";
    private static final String VIEWER = "Viewer";
    private static final String EDITOR = "Editor";
    private static final String ADMIN = "Admin";
    private static final String ADMIN_ELSEWHERE = "Admin of another environment";
    private static final String SERVER_ADMIN = "server admin";

    private static final Set<String> READERS = Set.of(VIEWER, EDITOR, ADMIN, SERVER_ADMIN);
    private static final Set<String> ADMINS = Set.of(ADMIN, SERVER_ADMIN);
    private static final Set<String> ONLY_SERVER_ADMIN = Set.of(SERVER_ADMIN);

    /** One path to walk: who gets 200, and whether those answers carry the environment's secret values. */
    private record Walk(String path, Set<String> allowed, boolean revealsSecrets) {}

    @Test
    void everyPathThatCanReturnASecretNeedsAdminOfTheEnvironmentOrServerAdmin() throws Exception {
        assertEquals(201, api.post("/api/v1/environments", "{\"name\":\"other\"}").status());
        // A datasource and a contact point with secrets in "default"; a datasource with a secret in "other".
        Api.Reply ds = api.post(ENV + "/datasources", "{\"uid\":\"pg\",\"name\":\"PG\",\"type\":\"postgres\","
                + "\"basicAuth\":true,\"basicAuthUser\":\"grafana\",\"secureJsonData\":{\"password\":\""
                + DATASOURCE_SECRET + "\",\"basicAuthPassword\":\"" + BASIC_AUTH_SECRET + "\"}}");
        assertEquals(201, ds.status(), ds.toString());
        Api.Reply cp = api.post(ENV + "/contact-points", AlertingTestSupport.SLACK.replace("SECRETSLACKTOKEN", SLACK_SECRET));
        assertEquals(201, cp.status(), cp.toString());
        assertEquals(201, api.post("/api/v1/environments/other/datasources", "{\"uid\":\"loki\",\"name\":\"Loki\","
                + "\"type\":\"loki\",\"secureJsonData\":{\"password\":\"" + OTHER_SECRET + "\"}}").status());

        // A stored import plan into "default" (its secrets given in the envelope) and an applied promotion
        // from "default" to "other", whose plan and record name objects with secrets.
        Api.Reply otherBundle = api.get("/api/v1/environments/other/export?format=json");
        assertEquals(200, otherBundle.status(), otherBundle.toString());
        ObjectNode envelope = Api.JSON.createObjectNode();
        envelope.set("bundle", otherBundle.json());
        envelope.putObject("secrets").putObject("loki").put("password", PLAN_SECRET);
        Api.Reply importPlan = api.post(ENV + "/import?dryRun=true", envelope.toString());
        assertEquals(200, importPlan.status(), importPlan.toString());
        String importPlanId = importPlan.json().at("/plan/id").asText();
        assertFalse(importPlanId.isEmpty(), importPlan.toString());
        Api.Reply promotion = api.post("/api/v1/promotions", "{\"source\":\"default\",\"target\":\"other\"}");
        assertEquals(200, promotion.status(), promotion.toString());
        String promotionPlanId = promotion.json().at("/plan/id").asText();
        String recordId = promotion.json().at("/promotion/id").asText();
        assertFalse(recordId.isEmpty(), promotion.toString());
        List<Api.Reply> setupAnswers = List.of(ds, cp, importPlan, promotion);
        for (Api.Reply r : setupAnswers) {
            assertNoSecret(r, "setup answer");
        }

        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put(ANONYMOUS, null);
        tokens.put(NO_ROLE, Accounts.create(api, "nobody", Map.of()).token());
        tokens.put(VIEWER, Accounts.create(api, "viewer", Map.of("default", "Viewer")).token());
        tokens.put(EDITOR, Accounts.create(api, "editor", Map.of("default", "Editor")).token());
        tokens.put(ADMIN, Accounts.create(api, "admin-default", Map.of("default", "Admin")).token());
        tokens.put(ADMIN_ELSEWHERE, Accounts.create(api, "admin-other", Map.of("other", "Admin")).token());
        tokens.put(SERVER_ADMIN, ServerConfig.EPHEMERAL_BOOTSTRAP_TOKEN);

        String export = ENV + "/alerting/export";
        List<Walk> walks = List.of(
                // the only answers with secret values
                new Walk(export + "?decrypt=true&format=json", ADMINS, true),
                new Walk(export + "?decrypt=true", ADMINS, true),
                new Walk(export + "?format=yaml&decrypt=true", ADMINS, true),
                // the redacted forms stay readable
                new Walk(export + "?format=json", READERS, false),
                new Walk(export + "?decrypt=false&format=json", READERS, false),
                new Walk(ENV + "/export", READERS, false),
                new Walk(ENV + "/export?format=yaml", READERS, false),
                new Walk(ENV + "/contact-points", READERS, false),
                new Walk(ENV + "/contact-points/slack", READERS, false),
                new Walk(ENV + "/datasources", READERS, false),
                new Walk(ENV + "/datasources/pg", READERS, false),
                new Walk(ENV + "/datasources/name/PG", READERS, false),
                new Walk("/api/v1/promotions/plans/" + importPlanId, READERS, false),
                // promotion plans and records need Viewer on both environments
                new Walk("/api/v1/promotions/plans/" + promotionPlanId, ONLY_SERVER_ADMIN, false),
                new Walk("/api/v1/promotions/" + recordId, ONLY_SERVER_ADMIN, false),
                new Walk("/api/v1/promotions", ONLY_SERVER_ADMIN, false),
                new Walk("/api/v1/audit?env=default&perPage=1000", ADMINS, false),
                new Walk("/api/v1/audit?perPage=1000", ONLY_SERVER_ADMIN, false));

        List<String> failures = new ArrayList<>();
        for (Walk walk : walks) {
            tokens.forEach((caller, token) -> {
                Api.Reply r = api.as(token).get(walk.path());
                String at = caller + " GET " + walk.path() + ": ";
                if (walk.allowed().contains(caller)) {
                    if (r.status() != 200) {
                        failures.add(at + "expected 200, got " + r);
                    } else if (walk.revealsSecrets() && !r.body().contains(SLACK_SECRET)) {
                        failures.add(at + "expected the contact point's secret in the decrypted export");
                    } else if (!walk.revealsSecrets() && containsSecret(r)) {
                        failures.add(at + "a secret value in " + r);
                    }
                    return;
                }
                int expected = token == null ? 401 : 403;
                if (r.status() != expected) {
                    failures.add(at + "expected " + expected + ", got " + r);
                } else if (!"application/problem+json".equals(r.contentType())) {
                    failures.add(at + "not a problem: " + r.contentType());
                } else if (containsSecret(r)) {
                    failures.add(at + "a secret value in the refusal " + r);
                }
            });
        }
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));
    }

    @Test
    void decryptingNeedsAdminWhateverTheSpellingOfTheFlag() {
        assertEquals(201, api.post(ENV + "/contact-points",
                AlertingTestSupport.SLACK.replace("SECRETSLACKTOKEN", SLACK_SECRET)).status());
        Api asViewer = api.as(Accounts.create(api, "viewer", Map.of("default", "Viewer")).token());
        Api asEditor = api.as(Accounts.create(api, "editor", Map.of("default", "Editor")).token());
        for (String query : List.of("decrypt=TRUE", "decrypt=1", "decrypt=yes", "decrypt=", "decrypt",
                "decrypt=false&decrypt=true", "decrypt=%20true", "format=json&decrypt=True")) {
            for (Api client : List.of(asViewer, asEditor)) {
                Api.Reply r = client.get(ENV + "/alerting/export?" + query);
                assertEquals(403, r.status(), query + ": " + r);
                assertEquals("application/problem+json", r.contentType());
                assertEquals("Admin", r.json().get("requiredRole").asText(), r.toString());
                assertTrue(r.json().get("detail").asText().contains("decrypt"), r.toString());
                assertFalse(r.body().contains(SLACK_SECRET));
            }
        }
    }

    /**
     * A promotion copies secrets from its source (datasources it creates, contact points it writes) into an
     * environment where the promoter may decrypt them, so copying them needs Admin on the source too.
     */
    @Test
    void aPromotionThatCopiesSecretsNeedsAdminOnTheSourceSoAViewerCannotLaunderThem() {
        assertEquals(201, api.post("/api/v1/environments", "{\"name\":\"sandbox\"}").status());
        assertEquals(201, api.post(ENV + "/datasources", "{\"uid\":\"pg\",\"name\":\"PG\",\"type\":\"postgres\","
                + "\"secureJsonData\":{\"password\":\"" + DATASOURCE_SECRET + "\"}}").status());
        assertEquals(201, api.post(ENV + "/contact-points",
                AlertingTestSupport.SLACK.replace("SECRETSLACKTOKEN", SLACK_SECRET)).status());
        assertEquals(201, api.put(ENV + "/dashboards/board", "{\"dashboard\":{\"title\":\"Board\",\"panels\":[]}}").status());
        Api launderer = api.as(Accounts.create(api, "launderer", Map.of("default", "Viewer", "sandbox", "Admin")).token());
        Api adminOfBoth = api.as(Accounts.create(api, "admin-both", Map.of("default", "Admin", "sandbox", "Admin")).token());

        for (String body : List.of("{\"source\":\"default\",\"target\":\"sandbox\"}",
                "{\"source\":\"default\",\"target\":\"sandbox\",\"selection\":{\"all\":true}}",
                "{\"source\":\"default\",\"target\":\"sandbox\",\"selection\":{\"datasources\":[\"pg\"]}}",
                "{\"source\":\"default\",\"target\":\"sandbox\",\"selection\":{\"contactPoints\":[\"ml-slack\"]}}")) {
            Api.Reply r = launderer.post("/api/v1/promotions", body);
            assertEquals(403, r.status(), body + ": " + r);
            assertEquals("application/problem+json", r.contentType());
            assertEquals("Admin", r.json().get("requiredRole").asText(), r.toString());
            assertEquals("default", r.json().get("environment").asText(), r.toString());
        }
        // A dry run copies nothing and stays a Viewer's; applying its plan copies the contact point's secret.
        Api.Reply dryRun = launderer.post("/api/v1/promotions",
                "{\"source\":\"default\",\"target\":\"sandbox\",\"dryRun\":true}");
        assertEquals(200, dryRun.status(), dryRun.toString());
        assertNoSecret(dryRun, "dry run");
        String planId = dryRun.json().at("/plan/id").asText();
        Api.Reply apply = launderer.post("/api/v1/promotions/" + planId + "/apply", "");
        assertEquals(403, apply.status(), apply.toString());
        assertEquals("default", apply.json().get("environment").asText(), apply.toString());
        Api.Reply export = launderer.get("/api/v1/environments/sandbox/alerting/export?decrypt=true&format=json");
        assertEquals(200, export.status(), export.toString());
        assertFalse(export.body().contains(SLACK_SECRET), "the source's secret reached the sandbox: " + export);

        // Promotions that copy no secret stay open to a Viewer of the source.
        Api.Reply dashboards = launderer.post("/api/v1/promotions",
                "{\"source\":\"default\",\"target\":\"sandbox\",\"selection\":{\"dashboards\":[\"board\"]}}");
        assertEquals(200, dashboards.status(), dashboards.toString());
        // An Admin of both environments promotes everything, secrets included.
        Api.Reply all = adminOfBoth.post("/api/v1/promotions", "{\"source\":\"default\",\"target\":\"sandbox\"}");
        assertEquals(200, all.status(), all.toString());
        assertTrue(adminOfBoth.get("/api/v1/environments/sandbox/alerting/export?decrypt=true&format=json").body()
                .contains(SLACK_SECRET));
    }

    private static boolean containsSecret(Api.Reply r) {
        return SECRETS.stream().anyMatch(s -> r.body().contains(s) || r.raw().headers().toString().contains(s));
    }

    private static void assertNoSecret(Api.Reply r, String what) {
        assertFalse(containsSecret(r), "a secret value in the " + what + " " + r);
    }
}
