package dev.sparkgen.cli;

import dev.sparkgen.problem.Quote;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The command line: parses flags, hands each command to the library, and maps the result to an exit code in
 * one place. 0 success; 1 invalid input, or {@code --check} found a difference; 2 a usage error; 3 a bug.
 * Only {@link #main} exits the process.
 */
public final class Main implements Runnable {

    /** The commands' names, in the order the help lists them; {@code help} and {@code completion} list them all. */
    private static final List<String> COMMANDS = List.of("render", "validate", "schema", "profiles", "explain",
            "import", "init", "version", "completion", "help");

    /** Given to any command (picocli copies it into each, bound to the same value). */
    private final OptionSpec verbose = OptionSpec.builder("--verbose").type(boolean.class)
            .scopeType(CommandLine.ScopeType.INHERIT).description("Print the stack trace of an internal error.")
            .build();

    private CommandSpec spec;

    public static void main(String[] args) {
        StandardOutput stdout = new StandardOutput();
        PrintWriter out = new PrintWriter(stdout, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code;
        try {
            Path cwd = Path.of("").toAbsolutePath();
            if (!Files.isDirectory(cwd)) { // its name decoded in a charset that cannot spell it (see unencodable)
                throw new InvalidPathException(cwd.toString(), "not found", -1);
            }
            code = run(args, out, err, cwd, Terminal.isTerminal(Terminal.STANDARD_ERROR));
        } catch (InvalidPathException e) {
            err.println("spark-gen: " + unencodable(e));
            code = Cli.INVALID;
        } catch (OutOfMemoryError e) {
            // From any thread of the run. Nothing is half-written: an output directory being written removes its
            // scratch files as the error passes through it.
            err.println("spark-gen: out of memory (" + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " MB of heap): give the JVM more, e.g. SPARK_GEN_JAVA_OPTS=-Xmx1g bin/spark-gen ..., "
                    + "or java -Xmx1g -jar spark-gen.jar ...");
            code = Cli.INTERNAL;
        }
        out.flush();
        // Output lost to a full disk or an I/O error is a failure, even when the command itself succeeded; a
        // reader that went away (| head) wanted no more, and hears nothing.
        String lost = stdout.lost();
        if (lost != null) {
            err.println("spark-gen: cannot write standard output: " + Quote.controls(lost));
            code = code == Cli.OK ? Cli.INVALID : code;
        }
        err.flush();
        // On success, return: the JVM ends when no thread but daemons is left (spark-gen starts no other), while
        // System.exit would first set up the JDK's logging to log the exit (JDK 21 on): ~70 classes, a few ms.
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs one command line; the tests' entry point, the same as the user's. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Path cwd) {
        return run(args, out, err, cwd, false);
    }

    /** Runs one command line; {@code terminal} says whether a person watches (for progress lines). */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Path cwd, boolean terminal) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // What picocli prints for it, without its model of Main (annotations read by reflection): about half
            // of a --version run's CPU time
            for (String line : new Version().getVersion()) {
                out.println(line);
            }
            return Cli.OK;
        }
        Cli cli = new Cli(out, err, cwd, terminal);
        Main main = new Main();
        CommandLine line = commandLine(main, cli, args);
        line.setOut(out);
        line.setErr(err);
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setParameterExceptionHandler((e, arguments) -> {
            err.println("spark-gen: " + Quote.controls(e.getMessage()));
            if (e instanceof CommandLine.UnmatchedArgumentException unmatched
                    && !unmatched.getSuggestions().isEmpty()) {
                err.println("Did you mean " + String.join(" or ", unmatched.getSuggestions().stream()
                        .map(s -> "'" + s + "'").toList()) + "?");
            }
            String command = e.getCommandLine().getCommandName();
            err.println("Try 'spark-gen " + (command.equals("spark-gen") ? "" : command + " ") + "--help'.");
            return Cli.USAGE;
        });
        line.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof CliException failure) {
                err.println("spark-gen: " + Quote.controls(failure.getMessage()));
                return failure.exitCode();
            }
            if (e instanceof InvalidPathException invalid) {
                err.println("spark-gen: " + unencodable(invalid));
                return Cli.INVALID;
            }
            boolean verbose = Cli.on(main.verbose);
            err.println("spark-gen: internal error: " + Quote.controls(String.valueOf(e))
                    + (verbose ? "" : " (a bug in spark-gen; --verbose shows where)"));
            if (verbose) {
                e.printStackTrace(err);
            }
            return Cli.INTERNAL;
        });
        return line.execute(args);
    }

    /**
     * A file name Java cannot hand to the system: in a locale whose charset cannot spell it (the C locale, with
     * a non-ASCII name), where bin/spark-gen would have run Java in C.UTF-8.
     */
    private static String unencodable(InvalidPathException e) {
        String charset = System.getProperty("sun.jnu.encoding", "?");
        return "cannot use the file name '" + Quote.controls(e.getInput()) + "'"
                + (charset.equalsIgnoreCase("UTF-8") ? ": " + Quote.controls(e.getReason())
                : ": the locale's charset (" + charset + ") cannot spell it — run in a UTF-8 locale, e.g. "
                + "LC_ALL=C.UTF-8 (bin/spark-gen does so by itself)");
    }

    /** The command line and all its commands, not yet run (the tests parse documented command lines with it). */
    static CommandLine commandLine(Main main, Cli cli) {
        CommandLine line = new CommandLine(main.spec());
        for (String name : COMMANDS) {
            line.addSubcommand(command(name, cli));
        }
        return line;
    }

    /**
     * The command line with only the commands {@code args} can reach: each command's model is a part of a cold
     * run (docs/startup.md). When the first argument names a command
     * that stands alone, that command; for a lone {@code --version} or {@code -V}, none; otherwise (no command,
     * help, completion, a mistyped name that gets suggestions, options first) all of them.
     */
    static CommandLine commandLine(Main main, Cli cli, String[] args) {
        String first = args.length > 0 ? args[0] : "";
        if (args.length == 1 && (first.equals("--version") || first.equals("-V"))) {
            return new CommandLine(main.spec());
        }
        if (!COMMANDS.contains(first) || first.equals("help") || first.equals("completion")) {
            return commandLine(main, cli);
        }
        CommandLine line = new CommandLine(main.spec());
        line.addSubcommand(command(first, cli));
        return line;
    }

    /** A command's model (picocli's own help command's read from its annotations: only help and errors need it). */
    private static Object command(String name, Cli cli) {
        return switch (name) {
            case "render" -> new RenderCommand(cli).spec();
            case "validate" -> new ValidateCommand(cli).spec();
            case "schema" -> new SchemaCommand(cli).spec();
            case "profiles" -> new ProfilesCommand(cli).spec();
            case "explain" -> new ExplainCommand(cli).spec();
            case "import" -> new ImportCommand(cli).spec();
            case "init" -> new InitCommand(cli).spec();
            case "version" -> new VersionCommand(cli).spec();
            case "completion" -> new CompletionCommand(cli).spec();
            case "help" -> new CommandLine.HelpCommand();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The model of spark-gen itself, without its commands. */
    private CommandSpec spec() {
        spec = Cli.command(this, "spark-gen", true, new String[] {"Renders the Kubernetes manifests of a Spark "
                + "application (spark-submit in client mode in a driver pod) from one values file and its profiles."},
                verbose).versionProvider(new Version());
        spec.usageMessage().footer("", "Exit codes: 0 success, 1 invalid input or stale output (--check), 2 usage "
                + "error, 3 internal error.");
        return spec;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: render, validate, "
                + "explain, schema, profiles, init, import or completion");
    }
}
