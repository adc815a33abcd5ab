package dev.sparkgen.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code spark-gen completion}: picocli's bash completion script, which zsh reads too (bashcompinit). */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Prints a completion script for bash (and zsh with bashcompinit) to standard output.",
                "  source <(spark-gen completion)          # in ~/.bashrc",
                "  autoload -U +X bashcompinit && bashcompinit && source <(spark-gen completion)   # zsh"})
final class CompletionCommand implements Callable<Integer> {

    private final Cli cli;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    CompletionCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        cli.out.print(AutoComplete.bash("spark-gen", spec.root().commandLine()));
        cli.out.flush();
        return Cli.OK;
    }
}
