/**
 * Push delivery: sync targets (Grafana instances an environment keeps in sync) and their reconcilers. This package
 * reads the content packages and is used only by the wiring ({@code Services}, {@code http}, {@code DashplaneServer});
 * no content package imports it (dashboard links reach it through {@code dashboard.TargetLinks}).
 */
package io.dashplane.server.sync;
