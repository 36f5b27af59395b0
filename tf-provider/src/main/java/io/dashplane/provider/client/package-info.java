/**
 * HTTP client of the Dashplane config server REST API used by the Terraform provider:
 * {@link io.dashplane.provider.client.DashplaneClient} configured by
 * {@link io.dashplane.provider.client.ClientConfig}.
 */
package io.dashplane.provider.client;
