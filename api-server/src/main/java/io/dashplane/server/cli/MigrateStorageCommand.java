package io.dashplane.server.cli;

import io.dashplane.server.config.ConfigLoader;
import io.dashplane.server.cli.progress.ProgressOption;
import io.dashplane.server.crypto.SecretKeys;
import io.dashplane.server.storage.DataDirLock;
import io.dashplane.server.storage.Database;
import io.dashplane.server.storage.PostgresSettings;
import io.dashplane.server.storage.StorageCopy;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code migrate-storage --from DATA_DIR --to JDBC_URL}: copies the SQLite database of a data directory into a new,
 * empty PostgreSQL database (see {@link StorageCopy}). Refused while a server holds the data directory, and when
 * the target holds data. Exit 0 when copied and verified, 1 when refused or failed (nothing written), 2 on bad
 * arguments.
 */
@Command(name = "migrate-storage", mixinStandardHelpOptions = true,
        description = {"Copy everything of a data directory's SQLite database (history, audit and secrets included) "
                + "into a new, empty PostgreSQL database, in one transaction, verified by row counts and SHA-256 "
                + "digests per table. Progress shows as a bar per table on a terminal, as plain lines otherwise.",
                "Secrets are copied sealed: start the servers on PostgreSQL with the same secret key. "
                        + "Refused while a server runs on the data directory: stop it first."})
public final class MigrateStorageCommand implements Callable<Integer> {

    @Option(names = "--from", required = true, paramLabel = "DATA_DIR", description = "The data directory to copy.")
    Path from;

    @Option(names = "--to", paramLabel = "JDBC_URL",
            description = "The PostgreSQL database (jdbc:postgresql://host:port/db), new and empty. Env "
                    + "DASHPLANE_DATABASE_URL; credentials from DASHPLANE_DATABASE_USER and DASHPLANE_DATABASE_PASSWORD "
                    + "or --database-password-file, as for serve.")
    String to;

    @Option(names = "--database-password-file", paramLabel = "FILE",
            description = "File holding the PostgreSQL password. Env DASHPLANE_DATABASE_PASSWORD_FILE.")
    Path databasePasswordFile;

    @Mixin
    ProgressOption progressOption;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            PostgresSettings target;
            try {
                target = new ConfigLoader(System.getenv()).database(to, databasePasswordFile);
            } catch (IllegalArgumentException e) {
                err.println("dashplane: " + e.getMessage());
                return 2;
            }
            if (target == null) {
                err.println("dashplane: no target: pass --to jdbc:postgresql://host:port/db or set DASHPLANE_DATABASE_URL");
                return 2;
            }
            try (DataDirLock lock = OfflineCommands.lock(from, err)) {
                if (lock == null) {
                    return 1;
                }
                if (!Files.exists(from.resolve(Database.FILE_NAME))) {
                    err.println("dashplane: no database in " + from);
                    return 1;
                }
                return migrate(target, out, err);
            }
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int migrate(PostgresSettings target, PrintWriter out, PrintWriter err) {
        List<StorageCopy.Copied> copied;
        try (Database source = Database.open(from); Database destination = Database.open(null, target)) {
            out.println("migrate-storage: from " + source.location() + " to " + target.redactedUrl()
                    + (target.user() == null ? "" : " as " + target.user()));
            out.flush();
            try (CopyProgress progress = CopyProgress.of(progressOption.mode(), out, err)) {
                copied = StorageCopy.copy(source, destination, progress);
                progress.finished();
            }
        } catch (StorageCopy.TargetNotEmptyException e) {
            err.println("dashplane: refused: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("dashplane: migrate-storage failed, nothing was copied (the transaction was rolled back): " + e.getMessage());
            return 1;
        }
        summary(copied, out);
        return 0;
    }

    private void summary(List<StorageCopy.Copied> copied, PrintWriter out) {
        int width = copied.stream().mapToInt(c -> c.table().length()).max().orElse(5);
        out.println("verified: every table has the same row count and SHA-256 digest on both sides");
        out.printf("%-" + width + "s %8s  %s%n", "table", "rows", "sha256");
        long total = 0;
        for (StorageCopy.Copied c : copied) {
            out.printf("%-" + width + "s %8d  %s%n", c.table(), c.digest().rows(), c.digest().shortSha256());
            total += c.digest().rows();
        }
        out.println("copied " + total + " rows in " + copied.size() + " tables");
        Path keyFile = from.resolve(SecretKeys.FILE_NAME);
        out.println("secrets were copied sealed: start every server on the PostgreSQL database with the same secret key ("
                + (Files.exists(keyFile) ? "the one in " + keyFile + ", e.g. as DASHPLANE_SECRET_KEY"
                        : "the DASHPLANE_SECRET_KEY the server on " + from + " used") + ")");
    }
}
