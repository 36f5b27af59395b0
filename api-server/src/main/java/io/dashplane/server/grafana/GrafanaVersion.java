package io.dashplane.server.grafana;

/** The Grafana version the door reports: clients read its major number to choose API paths. */
final class GrafanaVersion {
    /** Three dot-separated numbers: some clients (community.grafana) split it into exactly three. */
    static final String VERSION = "11.1.0";
    static final String COMMIT = "dashplane";

    private GrafanaVersion() {
    }
}
