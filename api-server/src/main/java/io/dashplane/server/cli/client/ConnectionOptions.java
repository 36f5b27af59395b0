package io.dashplane.server.cli.client;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** The connection flags every client command takes; see {@link Connection} for the precedence. */
public final class ConnectionOptions {
    @Option(names = "--server", paramLabel = "URL", description = "Base URL of the Dashplane server "
            + "(default: $DASHPLANE_SERVER, else the context's)")
    String server;

    @Option(names = "--token", paramLabel = "TOKEN", description = "API token (default: $DASHPLANE_TOKEN, else the context's)")
    String token;

    @Option(names = {"-e", "--env"}, paramLabel = "ENV",
            description = "Environment (default: $DASHPLANE_ENV, else the context's, else 'default')")
    String environment;

    @Option(names = "--context", paramLabel = "NAME",
            description = "Context of the configuration file to use (default: $DASHPLANE_CONTEXT, else its current one)")
    String context;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Client configuration file (default: $DASHPLANE_CLI_CONFIG, else ~/.config/dashplane/config.yaml)")
    Path config;

    Connection resolve(Map<String, String> env) throws ClientException {
        return Connection.resolve(new Connection.Flags(server, token, environment, context, config), env);
    }
}
