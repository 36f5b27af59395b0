package io.dashplane.server.grafana;

import io.swagger.v3.oas.annotations.media.Schema;

/** The OpenAPI description of Grafana's acknowledgement body, {"message": "..."}, answered by some provisioning writes. */
@Schema(name = "GrafanaMessage", description = "Grafana's acknowledgement of a provisioning write")
record GrafanaMessage(String message) {
}
