package io.dashplane.server.cli;

import io.dashplane.schema.provisioning.FileFinding;
import io.dashplane.schema.provisioning.Validator;
import io.dashplane.server.config.ConfigLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code dashplane validate PATH...}: checks provisioning directories and files, bundles and dashboard JSON
 * offline (no server). Prints {@code file:line: message} or {@code file#/pointer: message}; exit 0 when there
 * are no errors (warnings allowed), 1 when there are, 2 for bad usage.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Validate provisioning directories, provisioning files, bundles (.yaml/.json with apiVersion) "
                + "and dashboard JSON files offline.",
                "Prints file:line: message or file#/pointer: message; exits 1 when any error is found."})
public final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or provisioning directories")
    List<Path> paths;

    @Option(names = "--quiet", description = "Print errors only, no warnings or summary")
    boolean quiet;

    @Option(names = {"-e", "--var"}, paramLabel = "NAME=VALUE",
            description = "A variable for $NAME / $${NAME} in provisioning files (overrides the process environment)")
    Map<String, String> variables = new LinkedHashMap<>();

    @Option(names = "--provisioning-allowed-root", paramLabel = "DIR",
            description = "A directory besides the provisioning root that dashboard provider paths may lead into "
                    + "(repeatable; as serve's option of that name)")
    List<Path> allowedRoots = new java.util.ArrayList<>();

    @Option(names = "--max-body-size", paramLabel = "SIZE",
            description = "The server's request body limit that bundles and dashboard files must fit (as serve's option "
                    + "of that name; e.g. 16MiB). Env DASHPLANE_MAX_BODY_SIZE, else maxBodySize of --config. Default 10MiB.")
    String maxBodySize;

    @Option(names = "--config", description = "The server's YAML config file, read for maxBodySize. Env DASHPLANE_CONFIG.")
    Path configFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long maxBodyBytes;
        try {
            maxBodyBytes = new ConfigLoader(System.getenv()).maxBodyBytes(maxBodySize, configFile);
        } catch (IllegalArgumentException e) {
            err.println("dashplane: " + e.getMessage());
            err.flush();
            return 2;
        }
        Map<String, String> env = new LinkedHashMap<>(System.getenv());
        env.putAll(variables);
        List<FileFinding> findings = new Validator(allowedRoots, maxBodyBytes).validate(paths, env);
        long errors = findings.stream().filter(FileFinding::isError).count();
        for (FileFinding f : findings) {
            if (f.isError()) {
                err.println(f.format());
            } else if (!quiet) {
                err.println(f.format());
            }
        }
        if (!quiet) {
            out.println(errors == 0 ? "ok: " + paths.size() + " path(s), " + (findings.size() - errors) + " warning(s)"
                    : errors + " error(s), " + (findings.size() - errors) + " warning(s)");
        }
        out.flush();
        err.flush();
        return errors == 0 ? 0 : 1;
    }
}
