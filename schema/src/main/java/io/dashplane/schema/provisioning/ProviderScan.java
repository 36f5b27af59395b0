package io.dashplane.schema.provisioning;

/**
 * A rescan of one dashboard provider: its plan, and how many dashboard files were read (parsed and validated) versus
 * reused unchanged from the previous scan.
 */
public record ProviderScan(ProvisioningPlan plan, int filesRead, int filesReused) {
}
