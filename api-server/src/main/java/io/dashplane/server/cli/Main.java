package io.dashplane.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar dashplane-server.jar serve --port 8080 --data-dir ./data}, {@code ... validate PATH...} */
@Command(name = "dashplane", mixinStandardHelpOptions = true, version = "Dashplane 0.1.0",
        description = "Dashplane config server", subcommands = {ServeCommand.class, RotateKeyCommand.class, ResetAdminTokenCommand.class,
                ValidateCommand.class, RenderCommand.class, BackupCommand.class, RestoreCommand.class,
                MigrateStorageCommand.class})
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
