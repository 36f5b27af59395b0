package io.dashplane.server.cli.client;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dashplane completion bash}: picocli's completion script for every command and option. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script (bash; zsh with bashcompinit).",
                "  source <(dashplane completion bash)"})
public final class CompletionCommand implements Callable<Integer> {
    /** The shells picocli generates for. */
    enum Shell { bash, zsh }

    @Parameters(index = "0", paramLabel = "bash|zsh", defaultValue = "bash", description = "The shell (default: bash)")
    Shell shell;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String script = AutoComplete.bash(spec.root().name(), spec.root().commandLine());
        if (shell == Shell.zsh) {
            script = "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n" + script;
        }
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
