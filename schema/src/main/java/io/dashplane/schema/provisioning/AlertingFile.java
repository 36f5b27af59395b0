package io.dashplane.schema.provisioning;

import io.dashplane.schema.alerting.provisioning.ProvisioningFile;

/** A Grafana alerting provisioning file with Dashplane's {@code environment} key taken out. */
public record AlertingFile(String environment, ProvisioningFile content) {
}
