package io.dashplane.server.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dashplane restore-version UID --version N}: writes version N of a dashboard (or alert rule) as its newest
 * version. ({@code dashplane restore} is the server command that restores a database backup.)
 */
@Command(name = "restore-version",
        description = "Restore an earlier version of a dashboard (or an alert rule): its content is written as a "
                + "new version; the history is kept.")
public final class RestoreVersionCommand extends ClientCommand {
    // no standard help mixin: its -V/--version would take the --version of the version to restore
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Parameters(index = "0", paramLabel = "UID", description = "The dashboard's (or alert rule's) uid")
    String uid;

    @Option(names = "--version", required = true, paramLabel = "N", description = "The version to restore (see history)")
    long version;

    @Option(names = "--kind", paramLabel = "dashboard|rule", defaultValue = "dashboard",
            description = "What UID names (default: ${DEFAULT-VALUE})")
    VersionedKind kind;

    @Override
    int run() throws ClientException {
        JsonNode result = client.send("POST", kind.versionsPath(connection.environment(), uid) + "/" + version
                + "/restore", null, null).json();
        out().println(kind + " " + uid + ": version " + version + " restored as version "
                + result.path("version").asText("?"));
        return OK;
    }
}
