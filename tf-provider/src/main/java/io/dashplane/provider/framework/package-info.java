/**
 * A small resource framework over {@link io.dashplane.provider.protocol.ProviderProtocol}, in the spirit of
 * HashiCorp's terraform-plugin-framework.
 *
 * <p>A resource is a {@link io.dashplane.provider.framework.Schema} of {@link io.dashplane.provider.framework.Attr}
 * declarations (required/optional/computed, sensitive, default, requires-replace, use-state-for-unknown,
 * validators, semantic equality) plus create/read/update/delete/import on
 * {@link io.dashplane.provider.framework.Values}; see {@link io.dashplane.provider.framework.Resource}. Data
 * sources implement {@link io.dashplane.provider.framework.DataSource}. A
 * {@link io.dashplane.provider.framework.ProviderDefinition} lists them and turns the provider block into
 * provider data; {@link io.dashplane.provider.framework.FrameworkProvider} serves it. Terraform's plan rules
 * live in one place, {@link io.dashplane.provider.framework.PlanRules}.
 *
 * <p>Schemas hold top-level attributes and nested {@link io.dashplane.provider.framework.ListBlock}s (LIST nesting,
 * attributes only); there are no protocol 6 nested attribute types, so one code path serves protocol 5 and 6.
 */
package io.dashplane.provider.framework;
