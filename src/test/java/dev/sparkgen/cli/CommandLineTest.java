package dev.sparkgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sparkgen.testing.SparkGenCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A run builds only the command its first argument names (picocli's model of each command costs start-up
 * time), and that command behaves as it does among all of them: same usage, same errors.
 */
class CommandLineTest {

    private static final Set<String> ALL = Set.of("render", "validate", "schema", "profiles", "explain", "import",
            "init", "version", "completion", "help");

    private static Cli cli() {
        return new Cli(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), SparkGenCli.ROOT,
                false);
    }

    private static Set<String> built(String... args) {
        return Main.commandLine(new Main(), cli(), args).getSubcommands().keySet();
    }

    @Test
    void aCommandNamedFirst_isTheOnlyOneBuilt() {
        assertEquals(Set.of("render"), built("render", "examples/pyspark-pi.yaml", "-o", "-"));
        assertEquals(Set.of("validate"), built("validate", "--help"));
        assertEquals(Set.of("explain"), built("explain"));
    }

    @Test
    void aLoneVersionFlag_buildsNoCommand() {
        assertEquals(Set.of(), built("--version"));
        assertEquals(Set.of(), built("-V"));
    }

    /** A lone --version is answered without picocli; what it prints must be what picocli would print. */
    @Test
    void aLoneVersionFlag_printsWhatPicocliPrints() {
        StringWriter picocli = new StringWriter();
        Main.commandLine(new Main(), cli()).printVersionHelp(new PrintWriter(picocli, true));
        for (String flag : List.of("--version", "-V")) {
            StringWriter out = new StringWriter();
            int code = Main.run(new String[] {flag}, new PrintWriter(out, true), new PrintWriter(new StringWriter()),
                    SparkGenCli.ROOT);
            assertEquals(0, code);
            assertEquals(picocli.toString(), out.toString(), flag);
        }
    }

    @Test
    void whatMayListOrSuggestCommands_buildsThemAll() {
        assertEquals(ALL, built());
        assertEquals(ALL, built("--help"));
        assertEquals(ALL, built("help", "render"));
        assertEquals(ALL, built("completion"));
        assertEquals(ALL, built("rendr", "job.yaml"));
        assertEquals(ALL, built("--verbose", "render", "job.yaml", "-o", "-"));
        assertEquals(ALL, built("--version", "render"));
        assertEquals(ALL, Main.commandLine(new Main(), cli()).getSubcommands().keySet());
    }

    @Test
    void aCommandBuiltAlone_hasTheUsageItHasAmongAll() {
        CommandLine all = Main.commandLine(new Main(), cli());
        for (String name : ALL) {
            if (name.equals("help") || name.equals("completion")) {
                continue;
            }
            CommandLine alone = Main.commandLine(new Main(), cli(), new String[] {name}).getSubcommands().get(name);
            assertEquals(all.getSubcommands().get(name).getUsageMessage(), alone.getUsageMessage(), name);
        }
    }

    /** All commands are built when {@code --verbose} comes first; it shifts argument indexes by one. */
    @Test
    void aCommandBuiltAlone_reportsUsageErrorsAsAmongAll() {
        for (List<String> args : List.of(List.of("render", "examples/pyspark-pi.yaml", "-o", "-", "--bogus"),
                List.of("render", "examples/pyspark-pi.yaml"), List.of("validate"), List.of("explain", "a", "b"),
                List.of("schema", "job", "extra"), List.of("render", "validate", "-o", "-"))) {
            SparkGenCli.Result alone = SparkGenCli.run(args.toArray(String[]::new));
            List<String> withVerbose = new java.util.ArrayList<>(List.of("--verbose"));
            withVerbose.addAll(args);
            SparkGenCli.Result among = SparkGenCli.run(withVerbose.toArray(String[]::new));
            assertEquals(among.exitCode(), alone.exitCode(), args.toString());
            assertEquals(among.err().replaceAll("index \\d+", "index N"), alone.err().replaceAll("index \\d+", "index N"),
                    args.toString());
        }
    }
}
