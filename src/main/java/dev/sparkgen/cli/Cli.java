package dev.sparkgen.cli;

import dev.sparkgen.SparkGen;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * What every command shares: where to print, the working directory, the library, and the pieces of picocli's
 * model of a command. The model is built with picocli's API, not read from annotations: reading annotations makes
 * the JDK generate a proxy class per annotation type at run time (no start-up archive holds one), about 50 ms of
 * a cold run's CPU (bench/README.md, "Cold start: launcher and JVM").
 */
final class Cli {

    static final int OK = 0;
    static final int INVALID = 1;
    static final int USAGE = 2;
    static final int INTERNAL = 3;

    /** The file name that means standard output (or input), as for every Unix tool. */
    static final String STANDARD_STREAM = "-";

    final PrintWriter out;
    final PrintWriter err;
    final Path cwd;
    /** Whether a person watches: standard error on a terminal (progress lines are for them only). */
    final boolean terminal;
    private SparkGen sparkGen;

    Cli(PrintWriter out, PrintWriter err, Path cwd, boolean terminal) {
        this.out = out;
        this.err = err;
        this.cwd = cwd;
        this.terminal = terminal;
    }

    SparkGen sparkGen() {
        if (sparkGen == null) {
            sparkGen = new SparkGen(cwd);
        }
        return sparkGen;
    }

    /** Refuses, before any work, to write a directory, or a file that exists unless {@code replace}. */
    static void checkTarget(Path target, String given, boolean replace) {
        if (Files.isDirectory(target)) {
            throw CliException.invalid(given + ": is a directory: name the file to write");
        }
        if (Files.exists(target) && !replace) {
            throw exists(given);
        }
    }

    private static CliException exists(String given) {
        return CliException.invalid(given + ": the file exists: pass --force to replace it");
    }

    /**
     * Writes a file the user named, through a temporary file beside it, so that it is whole or untouched; an
     * existing file only with {@code replace} (else invalid input, exit 1).
     */
    void writeFile(Path target, String given, String text, boolean replace) {
        Path temporary = null;
        try {
            // Not Files.createTempFile, which makes the file 0600: the user's umask decides, as for any tool's output.
            // CREATE_NEW, not the name, keeps another file safe, so the name needs no SecureRandom (whose providers
            // every command would load at start).
            temporary = target.toAbsolutePath().resolveSibling("." + target.getFileName() + "."
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            if (replace) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.move(temporary, target); // refuses a file that appeared since the check
            }
            temporary = null;
        } catch (FileAlreadyExistsException e) {
            throw exists(given);
        } catch (AccessDeniedException e) {
            throw CliException.invalid(given + ": cannot write: permission denied");
        } catch (FileSystemException e) {
            // the exception names the temporary file, which the user never asked for: say it of what they named
            throw CliException.invalid(given + ": cannot write: " + whyNot(target, given, e));
        } catch (IOException e) {
            throw CliException.invalid(given + ": cannot write: " + e.getMessage());
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the write failed already; that is the message
                }
            }
        }
    }

    /** Why a file could not be written, in terms of the path the user gave: its directory, else the system's reason. */
    private static String whyNot(Path target, String given, FileSystemException e) {
        Path directory = target.toAbsolutePath().getParent();
        Path givenDirectory = Path.of(given).getParent();
        String shown = givenDirectory == null ? "." : givenDirectory.toString();
        if (!Files.isDirectory(directory)) {
            return Files.exists(directory, LinkOption.NOFOLLOW_LINKS) ? shown + " is not a directory"
                    : "the directory " + shown + " does not exist";
        }
        return e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
    }

    /**
     * A command's model: its {@code args} in the order given, then picocli's standard -h/--help and -V/--version
     * (what {@code mixinStandardHelpOptions} adds), each as the help lists it; {@code command} is run.
     */
    static CommandSpec command(Object command, String name, boolean sortOptions, String[] description,
                               ArgSpec... args) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name(name);
        spec.usageMessage().description(description).sortOptions(sortOptions);
        for (ArgSpec arg : args) {
            if (arg instanceof OptionSpec option) {
                spec.addOption(option);
            } else {
                spec.addPositional((PositionalParamSpec) arg);
            }
        }
        spec.addOption(OptionSpec.builder("-h", "--help").type(boolean.class).usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").type(boolean.class).versionHelp(true)
                .description("Print version information and exit.").build());
        return spec;
    }

    /** An option without a value. */
    static OptionSpec flag(String description, String... names) {
        return OptionSpec.builder(names).type(boolean.class).description(description).build();
    }

    /** An option with one string value. */
    static OptionSpec option(String label, String description, String... names) {
        return OptionSpec.builder(names).type(String.class).paramLabel(label).description(description).build();
    }

    /** An option that may repeat, each time with one string value. */
    static OptionSpec repeated(String label, String description, String name) {
        return OptionSpec.builder(name).type(List.class).auxiliaryTypes(String.class).paramLabel(label)
                .description(description).build();
    }

    /** Whether a {@link #flag} was given. */
    static boolean on(OptionSpec flag) {
        return Boolean.TRUE.equals(flag.getValue());
    }

    /** The values of a repeated option or of positional parameters; none when not given. */
    static List<String> strings(ArgSpec arg) {
        List<String> values = arg.getValue();
        return values == null ? new ArrayList<>() : values;
    }

    /** A path as the user gave it, resolved against the working directory. */
    Path path(String given) {
        return cwd.resolve(given);
    }

    /** {@link #path}, of a file that must exist (else a usage error, exit 2, as for any missing input). */
    Path existing(String given) {
        Path path = path(given);
        if (!Files.exists(path)) {
            throw CliException.usage("no such file: " + given);
        }
        return path;
    }
}
