package dev.sparkgen.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code spark-gen version}: the same as {@code spark-gen --version}, as kubectl and helm have it. */
final class VersionCommand implements Callable<Integer> {

    private final Cli cli;

    VersionCommand(Cli cli) {
        this.cli = cli;
    }

    CommandSpec spec() {
        return Cli.command(this, "version", true, new String[] {"Prints spark-gen's version, the commit it was "
                + "built from, and the Java runtime it runs on."});
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
