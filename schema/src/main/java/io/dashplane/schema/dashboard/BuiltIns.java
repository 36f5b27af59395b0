package io.dashplane.schema.dashboard;

import java.util.Set;

/** Names Grafana resolves by itself: built-in datasources and global variables. */
final class BuiltIns {
    static final Set<String> DATASOURCES =
            Set.of("-- Grafana --", "grafana", "-- Mixed --", "-- Dashboard --", "__expr__", "__mixed__");

    /** Global variables without the {@code __} prefix (every {@code __name} is Grafana's own). */
    static final Set<String> VARIABLES = Set.of("timeFilter", "interval", "interval_ms");

    private BuiltIns() {
    }

    static boolean isBuiltInVariable(String name) {
        return name.startsWith("__") || VARIABLES.contains(name);
    }
}
