package dev.sparkgen.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Model.CommandSpec;

/** {@code spark-gen completion}: picocli's bash completion script, which zsh reads too (bashcompinit). */
final class CompletionCommand implements Callable<Integer> {

    private final Cli cli;

    private CommandSpec spec;

    CompletionCommand(Cli cli) {
        this.cli = cli;
    }

    CommandSpec spec() {
        spec = Cli.command(this, "completion", true, new String[] {
            "Prints a completion script for bash (and zsh with bashcompinit) to standard output.",
            "  source <(spark-gen completion)          # in ~/.bashrc",
            "  autoload -U +X bashcompinit && bashcompinit && source <(spark-gen completion)   # zsh"});
        return spec;
    }

    @Override
    public Integer call() {
        cli.out.print(AutoComplete.bash("spark-gen", spec.root().commandLine()));
        cli.out.flush();
        return Cli.OK;
    }
}
