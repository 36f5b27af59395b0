package io.dashplane.server.cli.progress;

/** How a long command shows its progress: {@code --progress=auto|bar|plain}. */
public enum ProgressMode {
    /** A bar when a person is at a terminal (stdin and stdout not redirected), plain lines otherwise. */
    AUTO,
    /** A progress bar on stderr, redrawn in place. */
    BAR,
    /** One line per step, for CI logs. */
    PLAIN;

    /** Whether this mode draws a bar here. */
    public boolean bar() {
        return this == BAR || this == AUTO && System.console() != null;
    }
}
