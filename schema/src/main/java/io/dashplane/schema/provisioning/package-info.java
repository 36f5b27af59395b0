/**
 * Grafana's file provisioning formats and Dashplane's reading of them: {@link
 * io.dashplane.schema.provisioning.ProvisioningReader} parses single files strictly (with
 * {@link io.dashplane.schema.provisioning.EnvInterpolation}), {@link io.dashplane.schema.provisioning.ProvisioningScanner}
 * turns a provisioning root into a {@link io.dashplane.schema.provisioning.ProvisioningPlan}, and
 * {@link io.dashplane.schema.provisioning.Validator} is the offline entry point of {@code dashplane validate}.
 */
package io.dashplane.schema.provisioning;
