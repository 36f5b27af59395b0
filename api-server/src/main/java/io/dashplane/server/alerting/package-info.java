/**
 * Alerting configuration per environment (issue 4): rule groups, alert and recording rules with history,
 * contact points with sealed secret settings, the notification policy root and its individually stored
 * routes, mute timings and message templates, plus export/import in Grafana's provisioning file format
 * ({@link io.dashplane.server.alerting.AlertingTransferService}). Content records and validators come from
 * {@code io.dashplane.schema.alerting}; services throw {@link io.dashplane.server.errors.DomainException};
 * the HTTP resources live in the {@code api} sub-package. See docs/alerting.md.
 */
package io.dashplane.server.alerting;
