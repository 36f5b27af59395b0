package io.dashplane.server.cli.client;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dashplane history UID}: a dashboard's (or, with {@code --kind rule}, an alert rule's) versions, newest first. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List the versions of a dashboard (or an alert rule), newest first; see restore-version.")
public final class HistoryCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "UID", description = "The dashboard's (or alert rule's) uid")
    String uid;

    @Option(names = "--kind", paramLabel = "dashboard|rule", defaultValue = "dashboard",
            description = "What UID names (default: ${DEFAULT-VALUE})")
    VersionedKind kind;

    @Option(names = {"-o", "--output"}, paramLabel = "table|json|yaml", defaultValue = "table",
            description = "Output format (default: ${DEFAULT-VALUE})")
    Output.Format format;

    @Override
    int run() throws ClientException {
        ArrayNode versions = client.list(kind.versionsPath(connection.environment(), uid));
        switch (format) {
            case json -> out().println(Output.json(versions));
            case yaml -> out().print(Output.yaml(versions));
            default -> Output.table(out(), List.of(new Output.Column("VERSION", "version"),
                    new Output.Column("CREATED", "createdAt"), new Output.Column("MESSAGE", "message")), versions);
        }
        return OK;
    }
}
