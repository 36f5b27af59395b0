package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dashplane.server.auth.AccessRule;
import io.dashplane.server.auth.AccessRules;
import io.dashplane.server.auth.Role;
import io.dashplane.server.auth.RouteKeys;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.ws.rs.Path;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of the application (taken from its resource classes, so new endpoints are covered
 * automatically) called by every kind of caller, asserting allow or deny.
 */
class AccessMatrixTest extends ServerTestSupport {

    /** Every endpoint key of the running application's resource classes. */
    private List<String> endpoints() {
        ResourceConfig rc = ApiApplication.create(server.services(), new PrometheusRegistry(), 1024);
        TreeSet<String> keys = new TreeSet<>();
        List<Object> candidates = new ArrayList<>(rc.getInstances());
        candidates.addAll(rc.getClasses());
        for (Object o : candidates) {
            Class<?> c = o instanceof Class<?> k ? k : o.getClass();
            if (c.isAnnotationPresent(Path.class)) {
                keys.addAll(RouteKeys.all(c));
            }
        }
        assertTrue(keys.size() > 30, "resource walk found the endpoints: " + keys);
        return List.copyOf(keys);
    }

    @Test
    void everyEndpointDeclaresItsPermissionAndEveryRuleHasAnEndpoint() {
        List<String> endpoints = endpoints();
        List<String> undeclared = endpoints.stream().filter(k -> AccessRules.forRoute(k).isEmpty()).toList();
        assertTrue(undeclared.isEmpty(), "endpoints without an access rule in AccessRules: " + undeclared);
        List<String> stale = AccessRules.all().keySet().stream().filter(k -> !endpoints.contains(k)).sorted().toList();
        assertTrue(stale.isEmpty(), "access rules for endpoints that do not exist: " + stale);
    }

    /** Probes, and what Grafana itself serves without a login (clients read the version before anything else). */
    private static final Set<String> PUBLIC = Set.of("GET /healthz", "GET /readyz", "GET /grafana/{env}/api/health",
            "GET /grafana/{env}/api/frontend/settings");
    /** Grafana's organization switch: a POST that changes nothing here (the URL or header chooses the org). */
    private static final Set<String> NO_OP_WRITES = Set.of("POST /grafana/{env}/api/user/using/{orgId}");
    /** POSTs that only read: bulk validation is a dry run of many writes (PlanValidationApiTest proves it writes nothing); _read is many GETs. */
    private static final Set<String> READ_ONLY_POSTS = Set.of("POST /api/v1/environments/{env}/validate",
            "POST /api/v1/environments/{env}/dashboards/_read");

    @Test
    void noEnvironmentWriteIsOpenToViewersAndOnlyProbesArePublic() {
        AccessRules.all().forEach((key, rule) -> {
            boolean write = !key.startsWith("GET ") && !READ_ONLY_POSTS.contains(key);
            if (write && rule instanceof AccessRule.InEnvironment r) {
                assertTrue(r.role().includes(Role.EDITOR), key + " is a write open to " + r.role());
            }
            if (write && !NO_OP_WRITES.contains(key)) {
                assertFalse(rule instanceof AccessRule.Authenticated || rule instanceof AccessRule.Public,
                        key + " is a write open to any account");
            }
            if (rule instanceof AccessRule.Public) {
                assertTrue(PUBLIC.contains(key), key + " is public");
            }
        });
    }

    @Test
    void matrixOverEveryEndpointAndRole() {
        assertEquals(201, api.post("/api/v1/environments", "{\"name\":\"other\"}").status());
        Accounts.Account viewer = Accounts.create(api, "viewer", Map.of("default", "Viewer"));
        Accounts.Account editor = Accounts.create(api, "editor", Map.of("default", "Editor"));
        Accounts.Account admin = Accounts.create(api, "admin-default", Map.of("default", "Admin"));
        Accounts.Account otherAdmin = Accounts.create(api, "admin-other", Map.of("other", "Admin"));
        Accounts.Account target = Accounts.create(api, "target", Map.of());

        record Caller(String label, String token, boolean serverAdmin, Role roleInDefault) {}
        List<Caller> callers = List.of(
                new Caller("anonymous", null, false, null),
                new Caller("viewer", viewer.token(), false, Role.VIEWER),
                new Caller("editor", editor.token(), false, Role.EDITOR),
                new Caller("admin", admin.token(), false, Role.ADMIN),
                new Caller("admin of another environment", otherAdmin.token(), false, null),
                new Caller("server admin", io.dashplane.server.config.ServerConfig.EPHEMERAL_BOOTSTRAP_TOKEN, true, Role.ADMIN));

        List<String> failures = new ArrayList<>();
        int checked = 0;
        List<String> endpoints = endpoints();
        for (Caller caller : callers) {
            Api client = api.as(caller.token());
            for (String key : endpoints) {
                AccessRule rule = AccessRules.forRoute(key).orElseThrow();
                String method = key.substring(0, key.indexOf(' '));
                String path = key.substring(key.indexOf(' ') + 1)
                        .replace("{env}", "default").replace("{id}", target.id()).replace("{tokenId}", "no-such-token")
                        .replace("{uid}", "no-such-uid").replace("{version}", "1").replace("{name}", "no-such-name")
                        .replaceAll("\\{([A-Za-z]+)}", "no-such-$1");
                if (rule instanceof AccessRule.InQueryEnvironment q) {
                    path += "?" + q.param() + "=default";
                }
                HttpRequest.Builder request = HttpRequest.newBuilder(client.uri(path));
                if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
                    request.header("Content-Type", "application/json")
                            .method(method, HttpRequest.BodyPublishers.ofString("{}"));
                } else {
                    request.method(method, HttpRequest.BodyPublishers.noBody());
                }
                Api.Reply reply = client.send(request);
                Optional<Role> needed = required(rule);
                boolean expectAllowed = rule instanceof AccessRule.Public
                        || caller.token() != null && (caller.serverAdmin()
                        || rule instanceof AccessRule.Authenticated || rule instanceof AccessRule.Metrics
                        // data-dependent rules ask nothing of made-up plans and empty bodies; tested on their own
                        || rule instanceof AccessRule.Resolved
                        || needed.isPresent() && caller.roleInDefault() != null && caller.roleInDefault().includes(needed.get()));
                int denial = caller.token() == null ? 401 : 403;
                boolean denied = reply.status() == 401 || reply.status() == 403;
                checked++;
                if (expectAllowed && denied) {
                    failures.add(caller.label() + " " + key + ": expected allowed, got " + reply);
                } else if (!expectAllowed && reply.status() != denial) {
                    failures.add(caller.label() + " " + key + ": expected " + denial + ", got " + reply);
                } else if (!expectAllowed && denial == 403 && needed.isPresent()
                        && !(reply.json().path("detail").asText() + reply.json().path("message").asText())
                                .contains(needed.get().label())) {
                    failures.add(caller.label() + " " + key + ": 403 does not name the role: " + reply);
                } else if (!expectAllowed && denial == 401 && reply.header("WWW-Authenticate") == null) {
                    failures.add(caller.label() + " " + key + ": 401 without WWW-Authenticate");
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + checked + " checks failed:\n" + String.join("\n", failures));
    }

    /** The environment role a rule asks for in environment "default", if it is an environment rule. */
    private static Optional<Role> required(AccessRule rule) {
        if (rule instanceof AccessRule.InEnvironment r) {
            return Optional.of(r.role());
        }
        if (rule instanceof AccessRule.InQueryEnvironment r) {
            return Optional.of(r.role());
        }
        if (rule instanceof AccessRule.InEnvironmentRevealingSecrets r) {
            return Optional.of(r.role()); // the matrix never asks for secrets; SecretAccessTest does
        }
        return Optional.empty();
    }

    /**
     * A query parameter that puts secret values into an answer must be declared with the rule that asks
     * Admin for it; a new {@code decrypt}-like parameter fails here until its endpoint is declared so.
     */
    @Test
    void everyEndpointWithADecryptParameterAsksAdminForIt() {
        ResourceConfig rc = ApiApplication.create(server.services(), new PrometheusRegistry(), 1024);
        List<String> found = new ArrayList<>();
        List<Object> candidates = new ArrayList<>(rc.getInstances());
        candidates.addAll(rc.getClasses());
        for (Object o : candidates) {
            Class<?> c = o instanceof Class<?> k ? k : o.getClass();
            for (java.lang.reflect.Method m : c.getMethods()) {
                for (java.lang.reflect.Parameter p : m.getParameters()) {
                    jakarta.ws.rs.QueryParam q = p.getAnnotation(jakarta.ws.rs.QueryParam.class);
                    if (q == null || !SECRET_FLAGS.contains(q.value().toLowerCase(java.util.Locale.ROOT))) {
                        continue;
                    }
                    String key = RouteKeys.of(c, m).orElseThrow();
                    found.add(key);
                    AccessRule rule = AccessRules.forRoute(key).orElseThrow();
                    boolean guarded = rule instanceof AccessRule.ServerAdmin
                            || rule instanceof AccessRule.InEnvironment e && e.role() == Role.ADMIN
                            || rule instanceof AccessRule.InEnvironmentRevealingSecrets r && r.flag().equals(q.value());
                    assertTrue(guarded, key + " takes ?" + q.value() + " but its rule " + rule + " does not ask Admin for it");
                }
            }
        }
        assertTrue(found.contains("GET /api/v1/environments/{env}/alerting/export"), "the walk found the export: " + found);
    }

    private static final java.util.Set<String> SECRET_FLAGS = java.util.Set.of("decrypt", "reveal", "secrets",
            "showsecrets", "includesecrets", "plaintext");

    @Test
    void forbiddenProblemNamesTheMissingRoleAndEnvironment() {
        Accounts.Account viewer = Accounts.create(api, "viewer", Map.of("default", "Viewer"));
        Accounts.Account editor = Accounts.create(api, "editor", Map.of("default", "Editor"));
        Api.Reply r = api.as(viewer.token()).put(ENV + "/dashboards/x", "{\"dashboard\":{\"title\":\"x\"}}");
        assertEquals(403, r.status(), r.toString());
        assertEquals("application/problem+json", r.contentType());
        assertEquals("https://dashplane.io/problems/forbidden", r.json().get("type").asText());
        assertEquals("Editor", r.json().get("requiredRole").asText());
        assertEquals("default", r.json().get("environment").asText());
        assertTrue(r.json().get("detail").asText().contains("needs role Editor in environment 'default' (it has only Viewer)"),
                r.toString());
        Api.Reply ds = api.as(editor.token()).post(ENV + "/datasources", "{\"name\":\"p\",\"type\":\"prometheus\"}");
        assertEquals(403, ds.status());
        assertEquals("Admin", ds.json().get("requiredRole").asText());
        // An editor writes dashboards; the write is real.
        assertEquals(201, api.as(editor.token()).put(ENV + "/dashboards/x", "{\"dashboard\":{\"title\":\"x\"}}").status());
        assertEquals(200, api.as(viewer.token()).get(ENV + "/dashboards/x").status());
    }

    @Test
    void environmentAdminsGrantRolesOnlyInTheirEnvironment() {
        assertEquals(201, api.post("/api/v1/environments", "{\"name\":\"other\"}").status());
        Accounts.Account admin = Accounts.create(api, "admin-default", Map.of("default", "Admin"));
        Accounts.Account user = Accounts.create(api, "user", Map.of());
        Api asAdmin = api.as(admin.token());
        assertEquals(200, asAdmin.put("/api/v1/service-accounts/" + user.id() + "/roles/default", "{\"role\":\"Editor\"}").status());
        assertEquals(403, asAdmin.put("/api/v1/service-accounts/" + user.id() + "/roles/other", "{\"role\":\"Editor\"}").status());
        assertEquals(422, asAdmin.put("/api/v1/service-accounts/" + user.id() + "/roles/default", "{\"role\":\"Owner\"}").status());
        Api.Reply whoami = api.as(user.token()).get("/api/v1/whoami");
        assertEquals("Editor", whoami.json().get("roles").get("default").asText(), whoami.toString());
        assertFalse(whoami.json().get("serverAdmin").asBoolean());
        assertNotEquals(200, api.as(user.token()).get("/api/v1/service-accounts").status());
        // Tokens: the account itself manages its own.
        assertEquals(200, api.as(user.token()).get("/api/v1/service-accounts/" + user.id() + "/tokens").status());
        assertEquals(403, api.as(user.token()).get("/api/v1/service-accounts/" + admin.id() + "/tokens").status());
    }
}
