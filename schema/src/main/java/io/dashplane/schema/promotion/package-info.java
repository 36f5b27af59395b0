/**
 * Moving content between environments: {@link io.dashplane.schema.promotion.DatasourceMapping} pairs source with
 * target datasources, {@link io.dashplane.schema.promotion.DatasourceRewriter} rewrites dashboards and alert rules
 * accordingly, and {@link io.dashplane.schema.promotion.JsonDiff} shows what changes as an RFC 6902 patch.
 */
package io.dashplane.schema.promotion;
