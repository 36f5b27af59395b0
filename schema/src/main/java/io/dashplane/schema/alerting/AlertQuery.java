package io.dashplane.schema.alerting;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;

/**
 * One entry of a rule's {@code data}: a datasource query or a server-side expression. {@code model} is
 * kept verbatim; for expressions it holds {@code type} and its references.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"refId", "queryType", "relativeTimeRange", "datasourceUid", "model"})
public record AlertQuery(String refId, String queryType, RelativeTimeRange relativeTimeRange,
                         String datasourceUid, JsonNode model) {
    /** The uid of Grafana's server-side expression datasource. */
    public static final String EXPRESSION_DATASOURCE_UID = "__expr__";
    /** The legacy id-as-uid Grafana still accepts for the expression datasource. */
    public static final String LEGACY_EXPRESSION_DATASOURCE_UID = "-100";
    public static final Set<String> EXPRESSION_DATASOURCE_UIDS =
            Set.of(EXPRESSION_DATASOURCE_UID, LEGACY_EXPRESSION_DATASOURCE_UID);

    @JsonIgnore
    public boolean isExpression() {
        return datasourceUid != null && EXPRESSION_DATASOURCE_UIDS.contains(datasourceUid);
    }
}
