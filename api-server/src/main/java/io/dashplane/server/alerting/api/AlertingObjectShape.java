package io.dashplane.server.alerting.api;

import io.dashplane.schema.validation.Finding;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The OpenAPI description of an alerting object as the native API answers it (built as JSON by
 * {@link AlertingResponses}): the object's fields as written in Grafana's provisioning shape, plus the
 * server-owned version and timestamps, plus the warnings of a write.
 */
@Schema(name = "AlertingObject", additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
        description = "An alerting object (alert rule, rule group, contact point, notification policy or route, mute "
                + "timing, message template): its fields in Grafana's provisioning shape, as written (secure settings "
                + "are never returned), plus version, createdAt and updatedAt; writes add warnings")
record AlertingObjectShape(long version, String createdAt, String updatedAt, List<Finding> warnings) {
}
