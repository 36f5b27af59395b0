package io.dashplane.server.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dashplane get KIND ID}: one object as the server returns it, as JSON or YAML. */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Show one object as JSON (default) or YAML. ID is the uid; for rule-groups FOLDER_UID/NAME, "
                + "for templates and environments the name.")
public final class GetCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "KIND", completionCandidates = ListCommand.KindCandidates.class,
            description = "The kind of object")
    String kind;

    @Parameters(index = "1", paramLabel = "ID", description = "The object's uid (or name)")
    String id;

    /** Tables make no sense for one object: json or yaml. */
    enum Format { json, yaml }

    @Option(names = {"-o", "--output"}, paramLabel = "json|yaml", defaultValue = "json",
            description = "Output format (default: ${DEFAULT-VALUE})")
    Format format;

    @Override
    int run() throws ClientException {
        Kind k = Kind.parse(kind);
        JsonNode object = client.get(k.objectPath(connection.environment(), id));
        out().print(format == Format.yaml ? Output.yaml(object) : Output.json(object) + "\n");
        return OK;
    }
}
