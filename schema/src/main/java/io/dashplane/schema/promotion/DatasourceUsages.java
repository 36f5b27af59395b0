package io.dashplane.schema.promotion;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.schema.alerting.AlertQuery;
import io.dashplane.schema.alerting.AlertRule;
import io.dashplane.schema.dashboard.DatasourceReference;
import io.dashplane.schema.dashboard.DatasourceReferences;
import io.dashplane.schema.dashboard.VariableReferences;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The places of a dashboard or rule that name a concrete datasource. Default-datasource references (no uid),
 * Grafana's built-in datasources and template-variable references ({@code $ds}) are not concrete and left out.
 */
public final class DatasourceUsages {
    /** Datasource uids and names Grafana resolves by itself. */
    public static final Set<String> BUILT_IN = Set.of("-- Grafana --", "grafana", "-- Mixed --", "-- Dashboard --",
            "__expr__", "__mixed__", "-100");

    private DatasourceUsages() {
    }

    public static List<ReferenceSite> ofDashboard(String dashboardUid, JsonNode dashboard) {
        List<ReferenceSite> sites = new ArrayList<>();
        for (DatasourceReference ref : DatasourceReferences.extract(dashboard)) {
            if (isConcrete(ref.uid())) {
                String pointer = ref.legacy() ? ref.pointer() : ref.pointer() + "/uid";
                sites.add(new ReferenceSite(ReferenceSite.DASHBOARD, dashboardUid, pointer, ref.uid()));
            }
        }
        return sites;
    }

    public static List<ReferenceSite> ofAlertRule(AlertRule rule) {
        List<ReferenceSite> sites = new ArrayList<>();
        List<AlertQuery> data = rule.data() == null ? List.of() : rule.data();
        for (int i = 0; i < data.size(); i++) {
            AlertQuery query = data.get(i);
            if (query != null && !query.isExpression() && isConcrete(query.datasourceUid())) {
                sites.add(new ReferenceSite(ReferenceSite.ALERT_RULE, rule.uid(), "/data/" + i + "/datasourceUid",
                        query.datasourceUid()));
            }
        }
        return sites;
    }

    static boolean isConcrete(String reference) {
        return reference != null && !reference.isEmpty() && !BUILT_IN.contains(reference)
                && VariableReferences.find(reference).isEmpty();
    }
}
