package io.dashplane.server.cli.client;

import java.io.PrintWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long operation: a progress bar (me.tongfei:progressbar) on stderr when a person is at a terminal,
 * else one plain line per step ({@code [3/10] dashboards/node.json}) so that CI logs stay readable.
 */
final class Progress implements AutoCloseable {
    private final ProgressBar bar;
    private final PrintWriter lines;
    private final long total;
    private long done;

    private Progress(ProgressBar bar, PrintWriter lines, long total) {
        this.bar = bar;
        this.lines = lines;
        this.total = total;
    }

    static Progress start(String task, long total, PrintWriter err) {
        return start(task, total, 0, err);
    }

    /** Progress that goes on from {@code done} steps of {@code total} (after a confirmation, say). */
    static Progress start(String task, long total, long done, PrintWriter err) {
        Progress progress;
        if (ClientCommand.interactive()) {
            ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).continuousUpdate()
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).startsFrom(done, java.time.Duration.ZERO)
                    .build();
            progress = new Progress(bar, null, total);
        } else {
            progress = new Progress(null, err, total);
        }
        progress.done = done;
        return progress;
    }

    /** One step is starting. */
    void step(String what) {
        if (bar != null) {
            bar.setExtraMessage(what);
        } else {
            lines.println("[" + (done + 1) + "/" + total + "] " + what);
            lines.flush();
        }
    }

    /** The current step is done. */
    void stepDone() {
        done++;
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
