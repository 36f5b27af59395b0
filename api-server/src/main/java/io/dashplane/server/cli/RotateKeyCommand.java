package io.dashplane.server.cli;

import io.dashplane.server.crypto.KeyRotation;
import io.dashplane.server.crypto.SecretBox;
import io.dashplane.server.crypto.SecretKeys;
import io.dashplane.server.storage.DataDirLock;
import io.dashplane.server.storage.Database;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rotate-key --data-dir DIR [--new-key BASE64]}: re-encrypts every stored secret with a new key
 * (generated when not given) in one transaction and writes it to {@code DIR/secret.key}. Refused while a
 * server holds the data directory: a secret the server sealed after the rotation read its rows would stay
 * under the old key, which is then gone.
 */
@Command(name = "rotate-key", mixinStandardHelpOptions = true,
        description = "Re-encrypt every stored secret with a new key and write it to <data-dir>/secret.key. "
                + "Refused while a server runs on the data directory: stop it first.")
public final class RotateKeyCommand implements Callable<Integer> {

    @Option(names = "--data-dir", required = true, description = "Data directory.")
    Path dataDir;

    @Option(names = "--new-key", description = "The new key (base64 of 32 bytes). Default: generate one.")
    String newKey;

    @Option(names = "--old-key", description = "The current key when it is not in <data-dir>/secret.key. Env DASHPLANE_SECRET_KEY.")
    String oldKey;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (DataDirLock lock = OfflineCommands.lock(dataDir, err)) {
            return lock == null ? 1 : rotate(out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int rotate(PrintWriter out, PrintWriter err) {
        String configuredOld = oldKey != null ? oldKey : System.getenv("DASHPLANE_SECRET_KEY");
        if ((configuredOld == null || configuredOld.isBlank()) && !Files.exists(dataDir.resolve(SecretKeys.FILE_NAME))) {
            err.println("dashplane: no current key: " + dataDir.resolve(SecretKeys.FILE_NAME)
                    + " does not exist and neither --old-key nor DASHPLANE_SECRET_KEY is set");
            return 2;
        }
        if (!Files.exists(dataDir.resolve(Database.FILE_NAME))) {
            err.println("dashplane: no database in " + dataDir);
            return 2;
        }
        byte[] old;
        byte[] next;
        String nextText = newKey != null ? newKey.trim() : SecretKeys.generate();
        try {
            old = SecretKeys.resolve(configuredOld, dataDir);
            next = SecretKeys.decode(nextText);
        } catch (IllegalArgumentException e) {
            err.println("dashplane: " + e.getMessage());
            return 2;
        }
        SecretKeys.stage(dataDir, nextText);
        int count;
        try (Database db = Database.open(dataDir)) {
            count = KeyRotation.rotate(db, new SecretBox(old), new SecretBox(next));
        } catch (RuntimeException e) {
            try {
                Files.deleteIfExists(dataDir.resolve(SecretKeys.FILE_NAME + ".new"));
            } catch (java.io.IOException ignored) {
                // the message below matters more
            }
            err.println("dashplane: rotation failed, nothing changed: " + e.getMessage());
            return 1;
        }
        SecretKeys.promoteStaged(dataDir);
        out.println("re-encrypted " + count + " stored secrets; the new key is in "
                + dataDir.resolve(SecretKeys.FILE_NAME));
        if (configuredOld != null && !configuredOld.isBlank()) {
            out.println("the server was configured with --old-key/DASHPLANE_SECRET_KEY: configure the new key"
                    + " from the key file before the next start");
        }
        return 0;
    }
}
