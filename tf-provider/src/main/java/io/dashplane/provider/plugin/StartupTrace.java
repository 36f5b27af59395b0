package io.dashplane.provider.plugin;

/** With DASHPLANE_STARTUP_TRACE set, prints milliseconds since JVM start at each start-up step to stderr. */
final class StartupTrace {
    private static final boolean ON = System.getenv("DASHPLANE_STARTUP_TRACE") != null;
    private static final long START_MILLIS = ON
            ? java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime() : 0L;

    private StartupTrace() {}

    static void mark(String step) {
        if (ON) {
            System.err.println("startup " + (System.currentTimeMillis() - START_MILLIS) + " ms: " + step);
        }
    }
}
