package io.dashplane.server.auth;

import static io.dashplane.server.auth.AccessRule.AUTHENTICATED;
import static io.dashplane.server.auth.AccessRule.METRICS;
import static io.dashplane.server.auth.AccessRule.PUBLIC;
import static io.dashplane.server.auth.AccessRule.SERVER_ADMIN;
import static io.dashplane.server.auth.AccessRule.admin;
import static io.dashplane.server.auth.AccessRule.editor;
import static io.dashplane.server.auth.AccessRule.viewer;
import static io.dashplane.server.auth.AccessRule.viewerAdminToDecrypt;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one table of who may call what: route key ({@code "METHOD /template"}, see {@link RouteKeys}) to
 * {@link AccessRule}. {@link AuthFilter} denies every endpoint missing here, and a test walks every
 * resource method of the application and fails when one has no entry, so an endpoint cannot be added
 * without deciding its permission.
 */
public final class AccessRules {
    private static final String ENV = "/api/v1/environments/{env}";
    private static final Map<String, AccessRule> RULES = new LinkedHashMap<>();

    static {
        // operations
        rule("GET /healthz", PUBLIC);
        rule("GET /readyz", PUBLIC);
        rule("GET /metrics", METRICS);
        rule("GET /openapi.json", AUTHENTICATED);

        // identity and audit
        rule("GET /api/v1/whoami", AUTHENTICATED);
        rule("GET /api/v1/audit", new AccessRule.InQueryEnvironment(Role.ADMIN, "env"));
        String sa = "/api/v1/service-accounts";
        rule("GET " + sa, SERVER_ADMIN);
        rule("POST " + sa, SERVER_ADMIN);
        rule("GET " + sa + "/{id}", SERVER_ADMIN);
        rule("PUT " + sa + "/{id}", SERVER_ADMIN);
        rule("DELETE " + sa + "/{id}", SERVER_ADMIN);
        rule("PUT " + sa + "/{id}/roles/{env}", admin());
        rule("DELETE " + sa + "/{id}/roles/{env}", admin());
        AccessRule self = new AccessRule.ServerAdminOrSelf("id");
        rule("GET " + sa + "/{id}/tokens", self);
        rule("POST " + sa + "/{id}/tokens", self);
        rule("DELETE " + sa + "/{id}/tokens/{tokenId}", self);

        // environments
        rule("GET /api/v1/environments", AUTHENTICATED);
        rule("POST /api/v1/environments", SERVER_ADMIN);
        rule("GET " + ENV, viewer());
        rule("PUT " + ENV, admin());
        rule("PATCH " + ENV, admin());
        rule("DELETE " + ENV, SERVER_ADMIN);
        // the change feed names objects (kind, uid, action), never their content
        rule("GET " + ENV + "/changes", viewer());

        // datasources: Admin
        crud("/datasources", admin());
        rule("GET " + ENV + "/datasources/name/{name}", viewer());

        // sync targets: read by Viewers (the token is never shown), changed and run by Admins
        String targets = ENV + "/targets";
        rule("GET " + targets, viewer());
        rule("POST " + targets, admin());
        rule("GET " + targets + "/{name}", viewer());
        rule("PUT " + targets + "/{name}", admin());
        rule("DELETE " + targets + "/{name}", admin());
        rule("GET " + targets + "/{name}/status", viewer());
        rule("POST " + targets + "/{name}/plan", admin());
        rule("POST " + targets + "/{name}/sync", admin());

        // the dashboard url: redirects to the dashboard in a target of an environment the caller can read
        rule("GET /d/{uid}/{slug}", AUTHENTICATED);

        // folders and dashboards: Editor
        crud("/folders", editor());
        rule("POST " + ENV + "/folders/{uid}/move", editor());
        crud("/dashboards", editor());
        rule("GET " + ENV + "/dashboards/{uid}/versions", viewer());
        rule("GET " + ENV + "/dashboards/{uid}/versions/{version}", viewer());
        rule("POST " + ENV + "/dashboards/{uid}/versions/{version}/restore", editor());
        // a dry run of many writes: it reveals only whether referenced objects exist, which Viewers can read
        // anyway, and lets a read-only CI token run `terraform plan` with plan-time validation
        rule("POST " + ENV + "/validate", viewer());
        // many dashboard GETs in one request (the provider's refresh): a read, so a Viewer's
        rule("POST " + ENV + "/dashboards/_read", viewer());

        // alerting: rules and rule groups are Editor's, the notification side is Admin's
        crud("/alert-rules", editor());
        rule("GET " + ENV + "/alert-rules/{uid}/versions", viewer());
        rule("GET " + ENV + "/alert-rules/{uid}/versions/{version}", viewer());
        rule("POST " + ENV + "/alert-rules/{uid}/versions/{version}/restore", editor());
        rule("GET " + ENV + "/rule-groups", viewer());
        rule("GET " + ENV + "/rule-groups/{folderUid}/{name}", viewer());
        rule("PUT " + ENV + "/rule-groups/{folderUid}/{name}", editor());
        rule("DELETE " + ENV + "/rule-groups/{folderUid}/{name}", editor());
        crud("/contact-points", admin());
        crud("/mute-timings", admin());
        rule("GET " + ENV + "/mute-timings/name/{name}", viewer());
        rule("PUT " + ENV + "/mute-timings/name/{name}", admin());
        rule("DELETE " + ENV + "/mute-timings/name/{name}", admin());
        rule("GET " + ENV + "/templates", viewer());
        rule("GET " + ENV + "/templates/{name}", viewer());
        rule("PUT " + ENV + "/templates/{name}", admin());
        rule("DELETE " + ENV + "/templates/{name}", admin());
        String policy = ENV + "/notification-policy";
        rule("GET " + policy, viewer());
        rule("PUT " + policy, admin());
        rule("DELETE " + policy, admin());
        rule("GET " + policy + "/routes", viewer());
        rule("POST " + policy + "/routes", admin());
        rule("GET " + policy + "/routes/{uid}", viewer());
        rule("PUT " + policy + "/routes/{uid}", admin());
        rule("DELETE " + policy + "/routes/{uid}", admin());
        // the redacted export is a read; decrypt=true puts secret values in the answer: Admin's only
        rule("GET " + ENV + "/alerting/export", viewerAdminToDecrypt());
        rule("POST " + ENV + "/alerting/import", admin());

        // export/import, promotion, provisioning
        rule("GET " + ENV + "/export", viewer());
        rule("POST " + ENV + "/import", admin());
        rule("POST /api/v1/promotions", new AccessRule.Resolved(AccessResolvers.PROMOTION));
        rule("POST /api/v1/promotions/{planId}/apply", new AccessRule.Resolved(AccessResolvers.PLAN_APPLY));
        rule("GET /api/v1/promotions/plans/{planId}", new AccessRule.Resolved(AccessResolvers.PLAN_READ));
        rule("GET /api/v1/promotions/{id}", new AccessRule.Resolved(AccessResolvers.RECORD_READ));
        rule("GET /api/v1/promotions", SERVER_ADMIN);
        rule("POST /api/v1/admin/provisioning/reload", SERVER_ADMIN);
        rule("GET /api/v1/admin/backup", SERVER_ADMIN);
        rule("GET /api/v1/admin/provisioning/status", SERVER_ADMIN);

        // the Grafana-compatible door: the same roles as the native endpoints it delegates to
        String g = "/grafana/{env}/api";
        rule("GET " + g + "/health", PUBLIC);
        rule("GET " + g + "/frontend/settings", PUBLIC);
        rule("GET " + g + "/org", viewer());
        rule("GET " + g + "/user", AUTHENTICATED);
        rule("POST " + g + "/user/using/{orgId}", AUTHENTICATED);
        rule("GET " + g + "/search", viewer());
        rule("POST " + g + "/dashboards/db", editor());
        rule("POST " + g + "/dashboards/import", editor());
        rule("GET " + g + "/dashboards/uid/{uid}", viewer());
        rule("DELETE " + g + "/dashboards/uid/{uid}", editor());
        rule("GET " + g + "/dashboards/uid/{uid}/versions", viewer());
        rule("GET " + g + "/folders", viewer());
        rule("POST " + g + "/folders", editor());
        rule("GET " + g + "/folders/{uid}", viewer());
        rule("GET " + g + "/folders/id/{id}", viewer());
        rule("PUT " + g + "/folders/{uid}", editor());
        rule("POST " + g + "/folders/{uid}/move", editor());
        rule("DELETE " + g + "/folders/{uid}", editor());
        rule("GET " + g + "/datasources", viewer());
        rule("POST " + g + "/datasources", admin());
        for (String by : new String[] {"{id}", "uid/{uid}"}) {
            rule("GET " + g + "/datasources/" + by, viewer());
            rule("PUT " + g + "/datasources/" + by, admin());
            rule("DELETE " + g + "/datasources/" + by, admin());
        }
        rule("GET " + g + "/datasources/name/{name}", viewer());
        rule("DELETE " + g + "/datasources/name/{name}", admin());
        rule("GET " + g + "/datasources/id/{name}", viewer());
        String p = g + "/v1/provisioning";
        rule("GET " + p + "/alert-rules", viewer());
        rule("POST " + p + "/alert-rules", editor());
        rule("GET " + p + "/alert-rules/{uid}", viewer());
        rule("PUT " + p + "/alert-rules/{uid}", editor());
        rule("DELETE " + p + "/alert-rules/{uid}", editor());
        rule("GET " + p + "/folder/{folderUid}/rule-groups/{group}", viewer());
        rule("PUT " + p + "/folder/{folderUid}/rule-groups/{group}", editor());
        rule("GET " + p + "/contact-points", viewer());
        rule("POST " + p + "/contact-points", admin());
        rule("PUT " + p + "/contact-points/{uid}", admin());
        rule("DELETE " + p + "/contact-points/{uid}", admin());
        rule("GET " + p + "/policies", viewer());
        rule("PUT " + p + "/policies", admin());
        rule("DELETE " + p + "/policies", admin());
        rule("GET " + p + "/mute-timings", viewer());
        rule("POST " + p + "/mute-timings", admin());
        rule("GET " + p + "/mute-timings/{name}", viewer());
        rule("PUT " + p + "/mute-timings/{name}", admin());
        rule("DELETE " + p + "/mute-timings/{name}", admin());
        rule("GET " + p + "/templates", viewer());
        rule("GET " + p + "/templates/{name}", viewer());
        rule("PUT " + p + "/templates/{name}", admin());
        rule("DELETE " + p + "/templates/{name}", admin());
    }

    private AccessRules() {
    }

    /** The rule of an endpoint; empty for an endpoint nobody declared (the filter then denies it). */
    public static Optional<AccessRule> forRoute(String routeKey) {
        return Optional.ofNullable(RULES.get(routeKey));
    }

    public static Map<String, AccessRule> all() {
        return Map.copyOf(RULES);
    }

    /** List and get for Viewers; create, replace and delete with {@code write}. */
    private static void crud(String collection, AccessRule write) {
        rule("GET " + ENV + collection, viewer());
        rule("GET " + ENV + collection + "/{uid}", viewer());
        rule("POST " + ENV + collection, write);
        rule("PUT " + ENV + collection + "/{uid}", write);
        rule("DELETE " + ENV + collection + "/{uid}", write);
    }

    private static void rule(String key, AccessRule rule) {
        if (RULES.putIfAbsent(key, rule) != null) {
            throw new IllegalStateException("duplicate access rule for " + key);
        }
    }
}
