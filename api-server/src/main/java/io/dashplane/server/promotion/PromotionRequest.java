package io.dashplane.server.promotion;

import io.dashplane.server.content.ContentSelection;
import java.util.Map;

/**
 * {@code POST /api/v1/promotions}. {@code datasourceUidMap} / {@code datasourceNameMap} pair source with target
 * datasources explicitly (uid to uid, name to name); unlisted datasources are paired by equal name and type.
 * {@code prune} also deletes target folders and dashboards the source does not have (only with {@code all}).
 */
public record PromotionRequest(String source, String target, ContentSelection selection,
                               Map<String, String> datasourceUidMap, Map<String, String> datasourceNameMap,
                               Boolean dryRun, Boolean prune) {
}
