package io.dashplane.server.cli;

import io.dashplane.server.backup.Restore;
import io.dashplane.server.crypto.SecretKeys;
import io.dashplane.server.storage.DataDirLock;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dashplane restore --data-dir DIR FILE}: puts a backup in place as the data directory's database. Refused
 * while a server (or another offline command) holds the directory's lock; a database already there is replaced
 * only with {@code --force}.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Put a backup (from dashplane backup) in place as the database of a data directory.",
                "Refused while a server runs on the directory. The server started on it needs the secret key the "
                        + "backup's secrets were sealed with (<data-dir>/secret.key or DASHPLANE_SECRET_KEY)."})
public final class RestoreCommand implements Callable<Integer> {
    @Option(names = "--data-dir", required = true, description = "Data directory (created when absent).")
    Path dataDir;

    @Option(names = "--force", description = "Replace the database already in the data directory")
    boolean force;

    @Parameters(index = "0", paramLabel = "FILE", description = "The backup file")
    Path backup;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            err.println("dashplane: cannot create " + dataDir + ": " + e.getMessage());
            err.flush();
            return 1;
        }
        try (DataDirLock lock = OfflineCommands.lock(dataDir, err)) {
            if (lock == null) {
                return 1;
            }
            Restore.restore(backup, dataDir, force);
            out.println("restored " + backup + " into " + dataDir);
            if (!Files.exists(dataDir.resolve(SecretKeys.FILE_NAME)) && System.getenv("DASHPLANE_SECRET_KEY") == null) {
                out.println("note: " + dataDir.resolve(SecretKeys.FILE_NAME) + " does not exist: copy the secret key "
                        + "of the backed-up server there (or set DASHPLANE_SECRET_KEY) before starting, or its "
                        + "secrets cannot be decrypted and the server refuses to start");
            }
            return 0;
        } catch (Restore.RefusedException e) {
            err.println("dashplane: refused: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("dashplane: restore failed: " + e.getMessage());
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
