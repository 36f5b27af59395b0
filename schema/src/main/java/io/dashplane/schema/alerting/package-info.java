/**
 * Grafana unified alerting configuration as pure data: records in the JSON shape of Grafana's alerting
 * provisioning HTTP API ({@link io.dashplane.schema.alerting.AlertRule}, {@link io.dashplane.schema.alerting.RuleGroup},
 * {@link io.dashplane.schema.alerting.ContactPoint}, {@link io.dashplane.schema.alerting.Route},
 * {@link io.dashplane.schema.alerting.MuteTiming}, {@link io.dashplane.schema.alerting.MessageTemplate}),
 * one validator per record returning a {@link io.dashplane.schema.validation.ValidationReport} whose
 * findings carry RFC 6901 pointers behind a caller-supplied prefix, and
 * {@link io.dashplane.schema.alerting.AlertingCanonicalizer} for drift-free comparison. Environment facts
 * come in through {@link io.dashplane.schema.dashboard.DatasourceLookup},
 * {@link io.dashplane.schema.alerting.NotificationLookup} and {@link io.dashplane.schema.alerting.StoredSecrets}.
 * The file provisioning format lives in the {@code provisioning} sub-package.
 */
package io.dashplane.schema.alerting;
