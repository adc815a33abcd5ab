package dev.sparkgen.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code spark-gen version}: the same as {@code spark-gen --version}, as kubectl and helm have it. */
@Command(name = "version", mixinStandardHelpOptions = true,
        description = "Prints spark-gen's version, the commit it was built from, and the Java runtime it runs on.")
final class VersionCommand implements Callable<Integer> {

    private final Cli cli;

    VersionCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        for (String line : new Version().getVersion()) {
            cli.out.println(line);
        }
        cli.out.flush();
        return Cli.OK;
    }
}
