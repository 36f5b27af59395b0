/**
 * The client side of {@code dashplane render}: reads an environment from a Dashplane server over HTTP and
 * writes it as a Grafana provisioning tree. Depends on the server's HTTP API only, not on its services.
 */
package io.dashplane.server.render;
