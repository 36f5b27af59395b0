package io.dashplane.server.cli;

import io.dashplane.server.storage.DataDirLock;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the offline commands share: they run only on an existing data directory that no server holds. */
final class OfflineCommands {
    private OfflineCommands() {
    }

    /**
     * Takes the data directory's lock for the command's run, or prints why not and returns null (the
     * command then changes nothing and exits non-zero).
     */
    static DataDirLock lock(Path dataDir, PrintWriter err) {
        if (!Files.isDirectory(dataDir)) {
            err.println("dashplane: no data directory " + dataDir);
            return null;
        }
        try {
            return DataDirLock.acquire(dataDir);
        } catch (DataDirLock.HeldException e) {
            err.println("dashplane: refused: " + e.getMessage());
            return null;
        } catch (RuntimeException e) {
            err.println("dashplane: " + e.getMessage());
            return null;
        }
    }
}
