package io.dashplane.server.cli;

import io.dashplane.server.cli.client.ApplyCommand;
import io.dashplane.server.cli.client.CompletionCommand;
import io.dashplane.server.cli.client.ContextCommand;
import io.dashplane.server.cli.client.DiffCommand;
import io.dashplane.server.cli.client.ExportCommand;
import io.dashplane.server.cli.client.GetCommand;
import io.dashplane.server.cli.client.HistoryCommand;
import io.dashplane.server.cli.client.ImportCommand;
import io.dashplane.server.cli.client.ListCommand;
import io.dashplane.server.cli.client.PromoteCommand;
import io.dashplane.server.cli.client.RestoreVersionCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar dashplane-server.jar serve --port 8080 --data-dir ./data}, {@code ... validate PATH...}; the client
 * commands ({@code list}, {@code apply}, {@code diff}, {@code promote}, ...) talk to a server over HTTP.
 */
@Command(name = "dashplane", mixinStandardHelpOptions = true, version = "Dashplane 0.1.0",
        description = "Dashplane config server and its command-line client", subcommands = {ServeCommand.class,
                RotateKeyCommand.class, ResetAdminTokenCommand.class, ValidateCommand.class, RenderCommand.class,
                BackupCommand.class, RestoreCommand.class, MigrateStorageCommand.class, ContextCommand.class, ListCommand.class, GetCommand.class,
                ApplyCommand.class, DiffCommand.class, ExportCommand.class, ImportCommand.class, PromoteCommand.class,
                HistoryCommand.class, RestoreVersionCommand.class, CompletionCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code = new CommandLine(new Main()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
