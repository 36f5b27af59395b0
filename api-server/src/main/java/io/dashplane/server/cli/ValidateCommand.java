package io.dashplane.server.cli;

import io.dashplane.schema.provisioning.FileFinding;
import io.dashplane.schema.provisioning.Validator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<FileFinding> findings = new Validator().validate(paths, System.getenv());
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
