package io.dashplane.schema.promotion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.dashplane.schema.alerting.AlertQuery;
import io.dashplane.schema.alerting.AlertRule;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites the datasource uid positions of dashboards and rules for another environment: the {@code uid} of
 * object references, legacy string references (a name becomes the target's name, a uid the target's uid),
 * rules' {@code datasourceUid} and, where it repeats that uid, {@code model.datasource.uid} of the same query.
 * Nothing else is touched. Inputs are never modified.
 */
public final class DatasourceRewriter {
    private DatasourceRewriter() {
    }

    /** @throws UnmappableDatasourceException listing every unmappable datasource with all its places */
    public static Rewritten<JsonNode> rewriteDashboard(String dashboardUid, JsonNode dashboard, DatasourceMapping mapping) {
        requireMappable(mapping, DatasourceUsages.ofDashboard(dashboardUid, dashboard));
        return rewriteMappableDashboard(dashboardUid, dashboard, mapping);
    }

    /**
     * As {@link #rewriteDashboard} for a target that takes unresolved references (validation mode {@code warn}):
     * what can be mapped is rewritten, an unmappable reference is left as it is.
     */
    public static Rewritten<JsonNode> rewriteMappableDashboard(String dashboardUid, JsonNode dashboard,
                                                               DatasourceMapping mapping) {
        JsonNode copy = dashboard.deepCopy();
        List<DatasourceRewrite> rewrites = new ArrayList<>();
        for (ReferenceSite site : DatasourceUsages.ofDashboard(dashboardUid, dashboard)) {
            if (mapping.target(site.reference()).isEmpty()) {
                continue;
            }
            DatasourceIdentity target = mapping.target(site.reference()).orElseThrow();
            boolean legacyName = site.pointer().endsWith("/datasource")
                    && mapping.source(site.reference()).map(s -> !site.reference().equals(s.uid())).orElse(false);
            String to = legacyName ? target.name() : target.uid();
            if (!to.equals(site.reference())) {
                replace(copy, site.pointer(), to);
                rewrites.add(new DatasourceRewrite(site.pointer(), site.reference(), to));
            }
        }
        return new Rewritten<>(copy, rewrites);
    }

    /** @throws UnmappableDatasourceException listing every unmappable datasource with all its places */
    public static Rewritten<AlertRule> rewriteAlertRule(AlertRule rule, DatasourceMapping mapping) {
        requireMappable(mapping, DatasourceUsages.ofAlertRule(rule));
        return rewriteMappable(rule, mapping);
    }

    /**
     * As {@link #rewriteAlertRule} for a target that takes unresolved references (validation mode {@code warn}):
     * what can be mapped is rewritten, an unmappable reference is left as it is.
     */
    public static Rewritten<AlertRule> rewriteMappable(AlertRule rule, DatasourceMapping mapping) {
        List<ReferenceSite> sites = DatasourceUsages.ofAlertRule(rule);
        if (sites.isEmpty()) {
            return new Rewritten<>(rule, List.of());
        }
        List<AlertQuery> data = new ArrayList<>(rule.data());
        List<DatasourceRewrite> rewrites = new ArrayList<>();
        for (ReferenceSite site : sites) {
            int index = Integer.parseInt(site.pointer().split("/")[2]);
            if (mapping.target(site.reference()).isEmpty()) {
                continue;
            }
            String to = mapping.target(site.reference()).orElseThrow().uid();
            if (!to.equals(site.reference())) {
                AlertQuery q = data.get(index);
                JsonNode model = q.model() == null ? null : q.model().deepCopy();
                rewrites.add(new DatasourceRewrite(site.pointer(), site.reference(), to));
                JsonNode modelUid = model == null ? null : model.path("datasource").get("uid");
                if (modelUid != null && modelUid.isTextual() && modelUid.asText().equals(site.reference())) {
                    ((ObjectNode) model.get("datasource")).put("uid", to);
                    rewrites.add(new DatasourceRewrite("/data/" + index + "/model/datasource/uid", site.reference(), to));
                }
                data.set(index, new AlertQuery(q.refId(), q.queryType(), q.relativeTimeRange(), to, model));
            }
        }
        AlertRule copy = new AlertRule(rule.uid(), rule.title(), rule.folderUID(), rule.ruleGroup(), rule.condition(),
                data, rule.noDataState(), rule.execErrState(), rule.pendingPeriod(), rule.keepFiringFor(),
                rule.missingSeriesEvalsToResolve(), rule.annotations(), rule.labels(), rule.isPaused(),
                rule.notificationSettings(), rule.record());
        return new Rewritten<>(copy, rewrites);
    }

    /** Throws when any site cannot be mapped; use before rewriting many objects to report all problems at once. */
    public static void requireMappable(DatasourceMapping mapping, List<ReferenceSite> sites) {
        List<UnmappableDatasource> unmappable = mapping.unmappable(sites);
        if (!unmappable.isEmpty()) {
            throw new UnmappableDatasourceException(unmappable);
        }
    }

    private static void replace(JsonNode root, String pointer, String value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String member = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        ((ObjectNode) parent).set(member, TextNode.valueOf(value));
    }
}
