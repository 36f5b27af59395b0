package io.dashplane.provider.plugin;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Logs on stderr as hclog JSON lines ({@code @level}, {@code @message}, {@code @timestamp}, {@code @module}),
 * the format Terraform re-logs at the right level. The threshold comes from TF_LOG_PROVIDER, else TF_LOG,
 * else WARN. java.util.logging (used by gRPC and by our own code) is routed here. A thread may carry its own
 * {@link Sink} (the provider daemon gives each session's threads that session's stream and level); other threads
 * log to the process-wide sink.
 */
public final class HcLog {
    public enum Level { TRACE, DEBUG, INFO, WARN, ERROR, OFF }

    /** Where lines go and from which level on. */
    public record Sink(PrintStream out, Level threshold) {
        public static Sink fromEnvironment(PrintStream out, String tfLogProvider, String tfLog) {
            return new Sink(out, levelFrom(tfLogProvider != null && !tfLogProvider.isBlank() ? tfLogProvider : tfLog));
        }
    }

    private static volatile Sink processSink = new Sink(System.err, Level.WARN);
    private static final ThreadLocal<Sink> THREAD_SINK = new ThreadLocal<>();

    private HcLog() {}

    /** Built on the first log line, not at start-up: most plugin runs log nothing at the default level. */
    private static final class Timestamp {
        static final DateTimeFormatter FORMAT =
                DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX").withZone(ZoneOffset.UTC);
    }

    /** Reads the level from the environment and routes java.util.logging to stderr in hclog JSON. */
    public static void install(PrintStream stderr, String tfLogProvider, String tfLog) {
        processSink = Sink.fromEnvironment(stderr, tfLogProvider, tfLog);
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        root.setLevel(julLevel(processSink.threshold()));
        root.addHandler(new JulBridge());
    }

    /** The calling thread logs to {@code sink} from now on (null: back to the process-wide sink). */
    public static void useOnThisThread(Sink sink) {
        if (sink == null) {
            THREAD_SINK.remove();
        } else {
            THREAD_SINK.set(sink);
        }
    }

    /**
     * Lets java.util.logging records down to {@code level} reach the bridge (each sink still filters by its own
     * level); never raises the process's level.
     */
    public static synchronized void admitJulLevel(Level level) {
        Logger root = LogManager.getLogManager().getLogger("");
        java.util.logging.Level wanted = julLevel(level);
        if (root.getLevel() == null || wanted.intValue() < root.getLevel().intValue()) {
            root.setLevel(wanted);
        }
    }

    private static Sink sink() {
        Sink own = THREAD_SINK.get();
        return own != null ? own : processSink;
    }

    static Level levelFrom(String value) {
        if (value == null || value.isBlank()) {
            return Level.WARN;
        }
        String v = value.trim().toUpperCase(Locale.ROOT);
        if (v.equals("JSON")) {
            return Level.TRACE;
        }
        try {
            return Level.valueOf(v);
        } catch (IllegalArgumentException e) {
            return Level.TRACE; // Terraform treats an unknown TF_LOG value as TRACE too
        }
    }

    public static boolean enabled(Level level) {
        return level != Level.OFF && level.compareTo(sink().threshold()) >= 0;
    }

    public static void log(Level level, String module, String message) {
        Sink sink = sink();
        if (level == Level.OFF || level.compareTo(sink.threshold()) < 0) {
            return;
        }
        StringBuilder b = new StringBuilder(message.length() + 120);
        b.append("{\"@level\":\"").append(level.name().toLowerCase(Locale.ROOT))
                .append("\",\"@message\":");
        appendJsonString(b, message);
        b.append(",\"@module\":");
        appendJsonString(b, module);
        b.append(",\"@timestamp\":\"").append(Timestamp.FORMAT.format(Instant.now())).append("\"}");
        PrintStream stream = sink.out();
        synchronized (stream) {
            stream.println(b);
            stream.flush();
        }
    }

    public static void info(String message) {
        log(Level.INFO, "dashplane", message);
    }

    public static void debug(String message) {
        log(Level.DEBUG, "dashplane", message);
    }

    public static void warn(String message) {
        log(Level.WARN, "dashplane", message);
    }

    public static void error(String message) {
        log(Level.ERROR, "dashplane", message);
    }

    static void appendJsonString(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    private static java.util.logging.Level julLevel(Level level) {
        return switch (level) {
            case TRACE -> java.util.logging.Level.FINEST;
            case DEBUG -> java.util.logging.Level.FINE;
            case INFO -> java.util.logging.Level.INFO;
            case WARN -> java.util.logging.Level.WARNING;
            case ERROR -> java.util.logging.Level.SEVERE;
            case OFF -> java.util.logging.Level.OFF;
        };
    }

    private static final class JulBridge extends Handler {
        @Override
        public void publish(LogRecord record) {
            int v = record.getLevel().intValue();
            Level level = v >= 1000 ? Level.ERROR : v >= 900 ? Level.WARN : v >= 800 ? Level.INFO
                    : v >= 500 ? Level.DEBUG : Level.TRACE;
            if (!enabled(level)) {
                return;
            }
            String message = record.getMessage();
            if (record.getParameters() != null && message != null && message.contains("{0")) {
                message = java.text.MessageFormat.format(message, record.getParameters());
            }
            if (record.getThrown() != null) {
                java.io.StringWriter trace = new java.io.StringWriter();
                record.getThrown().printStackTrace(new java.io.PrintWriter(trace));
                message = message + "\n" + trace;
            }
            log(level, record.getLoggerName() == null ? "dashplane" : record.getLoggerName(), String.valueOf(message));
        }

        @Override
        public void flush() {
            sink().out().flush();
        }

        @Override
        public void close() {
        }
    }
}
