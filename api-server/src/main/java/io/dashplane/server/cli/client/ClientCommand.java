package io.dashplane.server.cli.client;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that talks to a server: resolves the connection, runs, and turns a {@link ClientException} (a
 * problem+json answer included) into its message on stderr and exit 1.
 */
abstract class ClientCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int FAILED = 1;

    @Mixin
    ConnectionOptions connectionOptions;

    @Spec
    CommandSpec spec;

    Connection connection;
    ServerClient client;

    /** Runs the command; the answer is the exit code. */
    abstract int run() throws ClientException;

    @Override
    public final Integer call() {
        try {
            connection = connectionOptions.resolve(environment());
            client = new ServerClient(connection);
            return run();
        } catch (ClientException e) {
            err().println("dashplane " + spec.name() + ": " + e.getMessage());
            return FAILED;
        } finally {
            out().flush();
            err().flush();
        }
    }

    /** The process environment; the connection variables are read from it. */
    Map<String, String> environment() {
        return System.getenv();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    String envPath() {
        return ServerClient.envPath(connection.environment());
    }
}
