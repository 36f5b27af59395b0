package io.dashplane.server.cli.client;

import com.fasterxml.jackson.databind.node.ArrayNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dashplane list KIND}: every object of a kind in the environment, as a table, JSON or YAML. */
@Command(name = "list", aliases = "ls", mixinStandardHelpOptions = true,
        description = "List the objects of a kind: dashboards, datasources, folders, alert-rules, rule-groups, "
                + "contact-points, mute-timings, templates, environments.")
public final class ListCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "KIND", completionCandidates = KindCandidates.class,
            description = "The kind of object (singular and short forms work: dashboard, ds, ...)")
    String kind;

    @Option(names = {"-o", "--output"}, paramLabel = "table|json|yaml", defaultValue = "table",
            description = "Output format (default: ${DEFAULT-VALUE})")
    Output.Format format;

    @Override
    int run() throws ClientException {
        Kind k = Kind.parse(kind);
        ArrayNode items = client.list(k.listPath(connection.environment()));
        switch (format) {
            case json -> out().println(Output.json(items));
            case yaml -> out().print(Output.yaml(items));
            default -> Output.table(out(), k.columns, items);
        }
        return OK;
    }

    /** The kinds, for shell completion. */
    static final class KindCandidates extends java.util.ArrayList<String> {
        KindCandidates() {
            for (Kind k : Kind.values()) {
                add(k.path);
            }
        }
    }
}
