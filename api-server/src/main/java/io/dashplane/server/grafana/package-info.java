/**
 * The Grafana-compatible door: Grafana's HTTP API paths, request and response shapes and error bodies, under
 * {@code /grafana/{env}/api/...} and at the root {@code /api/...} (the environment chosen by
 * {@code X-Grafana-Org-Id}). An adapter only: every call goes to the same domain services as the native API, so
 * roles, validation, versions, audit and referential integrity are the same.
 */
package io.dashplane.server.grafana;
