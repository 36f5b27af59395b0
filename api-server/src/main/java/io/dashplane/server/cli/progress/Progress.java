package io.dashplane.server.cli.progress;

import java.io.PrintWriter;
import java.time.Duration;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long operation on the command's stderr: a progress bar (me.tongfei:progressbar) redrawn in place
 * when {@link ProgressMode#bar()} (a person at a terminal, or {@code --progress=bar}), else one plain line per step
 * ({@code [3/10] dashboards/node.json}) so that CI logs stay readable.
 */
public final class Progress implements AutoCloseable {
    /** The bar's width when there is no terminal to measure ({@code --progress=bar} into a file or pipe). */
    private static final int WIDTH_WITHOUT_TERMINAL = 120;

    private final ProgressBar bar;
    private final PrintWriter err;
    private final long total;
    private long done;

    private Progress(ProgressBar bar, PrintWriter err, long total, long done) {
        this.bar = bar;
        this.err = err;
        this.total = total;
        this.done = done;
    }

    public static Progress start(String task, long total, PrintWriter err, ProgressMode mode) {
        return start(task, total, 0, err, mode);
    }

    /** Progress that goes on from {@code done} steps of {@code total} (after a confirmation, say). */
    public static Progress start(String task, long total, long done, PrintWriter err, ProgressMode mode) {
        if (!mode.bar()) {
            return new Progress(null, err, total, done);
        }
        DelegatingProgressBarConsumer redraw = System.console() != null
                ? new DelegatingProgressBarConsumer(line -> print(err, line))
                : new DelegatingProgressBarConsumer(line -> print(err, line), WIDTH_WITHOUT_TERMINAL);
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).continuousUpdate().setConsumer(redraw)
                .startsFrom(done, Duration.ZERO).build();
        return new Progress(bar, err, total, done);
    }

    private static void print(PrintWriter err, String line) {
        err.print('\r' + line);
        err.flush();
    }

    /** One step is starting. */
    public void step(String what) {
        if (bar != null) {
            bar.setExtraMessage(what);
        } else {
            err.println("[" + (done + 1) + "/" + total + "] " + what);
            err.flush();
        }
    }

    /** The current step is done. */
    public void stepDone() {
        stepTo(done + 1);
    }

    /** {@code done} of the total are done (the bar moves; plain lines are printed by {@link #step} only). */
    public void stepTo(long done) {
        this.done = done;
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    /** Draws the bar a last time, complete or where it stopped, and ends its line. */
    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            err.println();
            err.flush();
        }
    }
}
