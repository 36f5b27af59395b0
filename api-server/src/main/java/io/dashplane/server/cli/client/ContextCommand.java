package io.dashplane.server.cli.client;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code dashplane context list|use|set}: the named contexts of the client configuration file. */
@Command(name = "context", mixinStandardHelpOptions = true,
        description = "Manage the named contexts (server, token, environment) of the client configuration file.",
        subcommands = {ContextCommand.ListContexts.class, ContextCommand.Use.class, ContextCommand.Set.class})
public final class ContextCommand implements Runnable {
    @Option(names = "--config", paramLabel = "FILE", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Client configuration file (default: $DASHPLANE_CLI_CONFIG, else ~/.config/dashplane/config.yaml)")
    Path config;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    Path file() {
        return ClientConfig.location(config, System.getenv());
    }

    /** The shared frame of the subcommands: errors as one line and exit 1. */
    abstract static class Sub implements Callable<Integer> {
        @ParentCommand
        ContextCommand parent;

        @Spec
        CommandSpec spec;

        abstract void run(Path file, PrintWriter out) throws ClientException, IOException;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                run(parent.file(), out);
                return 0;
            } catch (ClientException | IOException e) {
                err.println("dashplane context " + spec.name() + ": " + e.getMessage());
                return 1;
            } finally {
                out.flush();
                err.flush();
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the contexts; * marks the current one.")
    static final class ListContexts extends Sub {
        @Override
        void run(Path file, PrintWriter out) throws ClientException {
            ClientConfig config = ClientConfig.read(file);
            if (config.contexts().isEmpty()) {
                out.println("no contexts in " + file + " (add one with 'dashplane context set NAME --server URL')");
                return;
            }
            for (Map.Entry<String, ClientConfig.Context> entry : config.contexts().entrySet()) {
                ClientConfig.Context c = entry.getValue();
                out.println((entry.getKey().equals(config.currentContext()) ? "* " : "  ") + entry.getKey() + "  "
                        + (c.server() == null ? "-" : c.server()) + "  env="
                        + (c.environment() == null ? Connection.DEFAULT_ENVIRONMENT : c.environment())
                        + (c.token() == null ? "" : "  token=(set)"));
            }
        }
    }

    @Command(name = "use", mixinStandardHelpOptions = true, description = "Make a context the current one.")
    static final class Use extends Sub {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        void run(Path file, PrintWriter out) throws ClientException, IOException {
            ClientConfig config = ClientConfig.read(file);
            if (!config.contexts().containsKey(name)) {
                throw new ClientException("no context '" + name + "' in " + file + " (see 'dashplane context list')");
            }
            config.using(name).write(file);
            out.println("current context: " + name);
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Create a context or change the members given; the first context becomes the current one.")
    static final class Set extends Sub {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--server", paramLabel = "URL", description = "Base URL of the Dashplane server")
        String server;

        @Option(names = "--token", paramLabel = "TOKEN", description = "API token (the file is written readable by you only)")
        String token;

        @Option(names = {"-e", "--env"}, paramLabel = "ENV", description = "Environment")
        String environment;

        @Override
        void run(Path file, PrintWriter out) throws ClientException, IOException {
            ClientConfig config = ClientConfig.read(file).with(name, new ClientConfig.Context(server, token, environment));
            config.write(file);
            out.println("context '" + name + "' saved in " + file
                    + (name.equals(config.currentContext()) ? " (current)" : ""));
        }
    }
}
