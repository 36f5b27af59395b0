package io.dashplane.server.cli;

import io.dashplane.server.backup.BackupResource;
import io.dashplane.server.backup.Restore;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dashplane backup --server URL --out FILE}: downloads a consistent snapshot of a running server's database
 * ({@code GET /api/v1/admin/backup}). The file is written next to FILE and moved into place only when complete
 * and recognised as a Dashplane database. Exit 0, 1 when the server refuses or cannot be reached.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Download a consistent snapshot of a running server's database (needs a server admin token).",
                "The secret key is not in it: keep <data-dir>/secret.key (or DASHPLANE_SECRET_KEY) with the backup."})
public final class BackupCommand implements Callable<Integer> {
    @Option(names = "--server", required = true, paramLabel = "URL", description = "Base URL of the Dashplane server")
    URI server;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The backup file to write")
    Path out;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:DASHPLANE_TOKEN}",
            description = "API token of a server admin; default: $DASHPLANE_TOKEN")
    String token;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path partial = out.toAbsolutePath().resolveSibling(out.getFileName() + ".partial");
        try {
            URI uri = URI.create(server.toString().replaceAll("/+$", "") + "/api/v1/admin/backup");
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(30))
                    .header("Accept", BackupResource.MEDIA_TYPE).GET();
            if (token != null && !token.isBlank()) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<Path> response = client.send(request.build(), HttpResponse.BodyHandlers.ofFile(partial));
            if (response.statusCode() != 200) {
                String body = Files.readString(partial);
                err.println("dashplane backup: the server answered " + response.statusCode() + ": " + body.strip());
                return 1;
            }
            Restore.check(partial);
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            stdout.println("backup written to " + out + " (" + Files.size(out) + " bytes)");
            return 0;
        } catch (IOException | Restore.RefusedException e) {
            err.println("dashplane backup: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // nothing useful to add to the outcome above
            }
            stdout.flush();
            err.flush();
        }
    }
}
