/**
 * The end-to-end harness: the built provider executable driven as Terraform drives it.
 * {@link io.dashplane.provider.harness.PluginProcess} starts the executable (handshake, mTLS);
 * {@link io.dashplane.provider.harness.ProviderRpc} speaks tfplugin5 or tfplugin6 to it;
 * {@link io.dashplane.provider.harness.TerraformCore} runs Terraform's phases (validate, plan with refresh,
 * apply with its final plan, import, {@code state rm}, the configuration {@code -generate-config-out} writes,
 * data source reads, destroy), one process per phase, keeping state
 * as raw JSON; {@link io.dashplane.provider.harness.TerraformRules} asserts Terraform's own consistency
 * rules on every answer, nested LIST blocks included; {@link io.dashplane.provider.harness.Configuration}
 * builds configurations from small maps (a block type as a list of maps); {@link io.dashplane.provider.harness.ConfigServer} runs a real config server in-process.
 * The tests using it are in {@code io.dashplane.provider.e2e} (failsafe, {@code *IT}).
 */
package io.dashplane.provider.harness;
