package io.dashplane.server.cli.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dashplane export}: the environment as a bundle (canonical; no secret values) on stdout or in a file. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export the environment (or a selection) as a bundle, for 'dashplane import' or version control.")
public final class ExportCommand extends ClientCommand {
    enum Format { json, yaml }

    @Option(names = "--format", paramLabel = "json|yaml", defaultValue = "yaml",
            description = "Bundle format (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the bundle to FILE instead of stdout")
    Path file;

    @Option(names = "--dashboard", paramLabel = "UID", description = "Only these dashboards (repeatable)")
    List<String> dashboards;

    @Option(names = "--folder", paramLabel = "UID", description = "Only these folders (repeatable)")
    List<String> folders;

    @Option(names = "--tag", paramLabel = "TAG", description = "Only dashboards with these tags (repeatable)")
    List<String> tags;

    @Override
    int run() throws ClientException {
        StringBuilder query = new StringBuilder("?format=" + format);
        append(query, "dashboard", dashboards);
        append(query, "folder", folders);
        append(query, "tag", tags);
        String bundle = client.getText(envPath() + "/export" + query,
                format == Format.json ? ServerClient.JSON : ServerClient.YAML);
        if (file == null) {
            out().print(bundle.endsWith("\n") ? bundle : bundle + "\n");
            return OK;
        }
        try {
            Path partial = file.toAbsolutePath().resolveSibling(file.getFileName() + ".partial");
            Files.writeString(partial, bundle);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ClientException(file + " cannot be written: " + e.getMessage());
        }
        err().println("exported environment '" + connection.environment() + "' to " + file);
        return OK;
    }

    private static void append(StringBuilder query, String name, List<String> values) {
        if (values != null) {
            values.forEach(v -> query.append('&').append(name).append('=').append(ServerClient.segment(v)));
        }
    }
}
