/**
 * The Dashplane resources ({@code dashplane_folder}, {@code dashplane_datasource}, {@code dashplane_dashboard})
 * and data sources ({@code dashplane_datasource}, {@code dashplane_folder}, {@code dashplane_dashboard},
 * {@code dashplane_dashboards}), written on the {@link io.dashplane.provider.framework} against the REST API
 * through {@link io.dashplane.provider.client.DashplaneClient}. Schemas are documented in docs/resources and
 * docs/data-sources.
 */
package io.dashplane.provider.resources;
