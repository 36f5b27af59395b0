/**
 * Terraform's cty type system for the plugin protocol: types ({@link io.dashplane.provider.cty.CtyType}),
 * immutable values ({@link io.dashplane.provider.cty.CtyValue}), attribute paths for diagnostics,
 * the msgpack wire codec ({@link io.dashplane.provider.cty.CtyMsgpack}) and the state JSON codec
 * ({@link io.dashplane.provider.cty.CtyJson}).
 */
package io.dashplane.provider.cty;
