package io.dashplane.server.cli;

import io.dashplane.server.cli.progress.Progress;
import io.dashplane.server.cli.progress.ProgressMode;
import io.dashplane.server.storage.StorageCopy;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code migrate-storage} shows while it copies: with a bar ({@link ProgressMode#bar()}) one bar per table on
 * stderr, rows copied of the rows in the table, then one over the tables verified; otherwise plain lines on stdout.
 */
abstract sealed class CopyProgress implements StorageCopy.Listener, AutoCloseable {

    static CopyProgress of(ProgressMode mode, PrintWriter out, PrintWriter err) {
        return mode.bar() ? new Bars(err) : new Lines(out);
    }

    /** The copy is committed: every table is verified. */
    void finished() {
    }

    /** Ends what is drawn, where it stopped when the copy failed. */
    @Override
    public void close() {
    }

    /** A line per table, one per 5,000 rows of a large table, one when the verification starts. */
    static final class Lines extends CopyProgress {
        private static final long EVERY = 5_000;
        private final PrintWriter out;
        private int tables;
        private int copied;
        private boolean verifying;

        Lines(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void started(List<StorageCopy.TableSize> sizes) {
            tables = sizes.size();
            line("copying " + tables + " tables in one transaction");
        }

        @Override
        public void copying(String table, long rows) {
            if (rows % EVERY == 0) {
                line("  copying " + table + ": " + rows + " rows so far");
            }
        }

        @Override
        public void copied(String table, long rows) {
            copied++;
            line("  copied " + table + " (" + copied + "/" + tables + "): " + rows + (rows == 1 ? " row" : " rows"));
        }

        @Override
        public void verifying(String table) {
            if (!verifying) {
                verifying = true;
                line("verifying row counts and SHA-256 digests");
            }
        }

        private void line(String text) {
            out.println(text);
            out.flush();
        }
    }

    /** A bar per table that has rows (an empty table has nothing to show), then one over the tables verified. */
    static final class Bars extends CopyProgress {
        private final PrintWriter err;
        private final Map<String, Long> sizes = new HashMap<>();
        private Progress table;
        private Progress verify;
        private int tables;

        Bars(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void started(List<StorageCopy.TableSize> list) {
            list.forEach(t -> sizes.put(t.name(), t.rows()));
            tables = list.size();
        }

        @Override
        public void copying(String name, long rows) {
            if (table == null) {
                table = Progress.start(name, sizes.getOrDefault(name, rows), err, ProgressMode.BAR);
            }
            table.stepTo(rows);
        }

        @Override
        public void copied(String name, long rows) {
            if (table != null) {
                table.stepTo(rows);
                table.close();
                table = null;
            }
        }

        @Override
        public void verifying(String name) {
            if (verify == null) {
                verify = Progress.start("verifying", tables, err, ProgressMode.BAR);
            } else {
                verify.stepDone();
            }
            verify.step(name);
        }

        @Override
        void finished() {
            if (verify != null) {
                verify.stepTo(tables);
                verify.step("every table has the same row count and SHA-256 digest");
            }
        }

        @Override
        public void close() {
            if (table != null) {
                table.close();
            }
            if (verify != null) {
                verify.close();
            }
        }
    }
}
