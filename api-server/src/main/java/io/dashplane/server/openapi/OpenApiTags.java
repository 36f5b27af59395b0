package io.dashplane.server.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The areas of the API, in the document's order, each with what it holds (the resources name their area with @Tag). */
final class OpenApiTags {
    static final Map<String, String> AREAS = areas();

    private OpenApiTags() {
    }

    private static Map<String, String> areas() {
        Map<String, String> areas = new LinkedHashMap<>();
        areas.put("environments", "Native API: environments (dev, staging, prod, ...) and their validation mode");
        areas.put("datasources", "Native API: datasources of an environment (secure settings are write-only)");
        areas.put("folders", "Native API: the folder tree of an environment");
        areas.put("dashboards", "Native API: dashboards (the JSON model as written), search and version history");
        areas.put("alerting", "Native API: Grafana-managed alerting: alert rules, rule groups, contact points, "
                + "the notification policy tree and routes, mute timings, message templates, import and export");
        areas.put("validation", "Native API: validate content without writing it");
        areas.put("promotions", "Native API: promote one environment into another through reviewable plans");
        areas.put("bundles", "Native API: export and import an environment as a bundle");
        areas.put("provisioning", "Native API: load Grafana provisioning files");
        areas.put("sync targets", "Native API: the Grafana instances an environment is synced to");
        areas.put("changes", "Native API: the change feed of an environment (long-polling)");
        areas.put("audit", "Native API: who changed what");
        areas.put("service accounts", "Native API: service accounts, their roles and tokens");
        areas.put("grafana", "Grafana-compatible API (/api/... and /grafana/{env}/api/...) for Grafana's own clients");
        areas.put("operations", "Probes, metrics, backups and this description");
        return areas;
    }

    /** Replaces the tags swagger collected from the resources (names only) by the described areas. */
    static void describe(OpenAPI api) {
        List<Tag> tags = new ArrayList<>();
        AREAS.forEach((name, description) -> tags.add(new Tag().name(name).description(description)));
        if (api.getTags() != null) {
            api.getTags().stream().filter(t -> !AREAS.containsKey(t.getName())).forEach(tags::add);
        }
        api.setTags(tags);
    }
}
