package dev.sparkgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sparkgen.testing.SparkGenCli;
import dev.sparkgen.testing.SparkGenProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The C locale (LC_ALL=C, LANG unset, common in CI images) with UTF-8 file names: a job file, a directory of
 * jobs, OUT and the working directory named in UTF-8. bin/spark-gen renders them; {@code java -jar} says in one
 * line what to do. The names are made and checked by bash, in bytes, so that the test's own locale does not matter.
 */
class CLocaleTest {

    /** "jé", "dé.yaml", "outé" and "wé" in UTF-8, for bash's $'...'. */
    private static final String SETUP = "set -e; cd \"$1\"; mkdir -p $'j\\xc3\\xa9' $'w\\xc3\\xa9';"
            + " cp \"$2\" $'j\\xc3\\xa9/d\\xc3\\xa9.yaml'; shift 2;";

    @TempDir
    Path tmp;
    Path job;

    @BeforeEach
    void job() throws IOException {
        job = Files.writeString(tmp.resolve("job.yaml"), "apiVersion: spark-gen/v1\nkind: SparkJob\nname: pi\n"
                + "image: apache/spark:3.5.3\nmainApplicationFile: local:///opt/spark/examples/src/main/python/pi.py\n");
    }

    @Test
    void launcher_inTheCLocale_rendersFilesAndDirectoriesWithUtf8Names() throws Exception {
        assumeTrue(bash("LC_ALL=C.UTF-8 locale charmap 2>/dev/null").output().equals("UTF-8\n"),
                "this system has no C.UTF-8 locale for the launcher to choose");
        Path launcher = fakeHome();
        Result file = bash(SETUP + " \"$@\" render $'j\\xc3\\xa9/d\\xc3\\xa9.yaml' -o $'out\\xc3\\xa9'"
                + " && ls $'out\\xc3\\xa9'", launcher.toString());
        assertEquals(0, file.code(), file.output());
        assertTrue(file.output().contains("driver-pod.yaml\n"), file.output());

        Result directory = bash(SETUP + " cp $'j\\xc3\\xa9/d\\xc3\\xa9.yaml' $'j\\xc3\\xa9/e\\xc3\\xa9.yaml';"
                + " sed -i 's/^name: pi/name: pi-two/' $'j\\xc3\\xa9/e\\xc3\\xa9.yaml'; cd $'w\\xc3\\xa9';"
                + " \"$@\" render $'../j\\xc3\\xa9' -o $'../dir\\xc3\\xa9' && ls $'../dir\\xc3\\xa9'", launcher.toString());
        assertEquals(0, directory.code(), directory.output());
        assertTrue(directory.output().contains("pi-two\n"), directory.output());
    }

    @Test
    void java_inTheCLocale_saysInOneLineWhatToDo() throws Exception {
        String java = spawn();
        Result file = bash(SETUP + " " + java + " render $'j\\xc3\\xa9/d\\xc3\\xa9.yaml' -o out");
        assertEquals(1, file.code(), file.output());
        assertEquals(1, file.output().strip().lines().count(), file.output());
        assertTrue(file.output().startsWith("spark-gen: cannot use the file name 'j"), file.output());
        assertTrue(file.output().endsWith("run in a UTF-8 locale, e.g. LC_ALL=C.UTF-8 (bin/spark-gen does so by "
                + "itself)\n"), file.output());

        Result cwd = bash(SETUP + " cd $'w\\xc3\\xa9'; " + java + " render ../job.yaml -o out");
        assertEquals(1, cwd.code(), cwd.output());
        assertTrue(cwd.output().startsWith("spark-gen: cannot use the file name '" + tmp + "/w"), cwd.output());
        assertEquals(1, cwd.output().strip().lines().count(), cwd.output());
    }

    /** The command that runs spark-gen's Main in a process of its own, for bash. */
    private static String spawn() {
        List<String> words = new ArrayList<>(SparkGenProcess.command().command());
        words.replaceAll(word -> "'" + word.replace("'", "'\\''") + "'");
        return String.join(" ", words);
    }

    private record Result(int code, String output) {
    }

    /** Runs a bash program in the C locale, in the test's directory, with the job's path as $2. */
    private Result bash(String program, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", program, "bash", tmp.toString(), job.toString());
        builder.command().addAll(List.of(args));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.equals("LANG") || name.startsWith("LC_"));
        env.put("LC_ALL", "C");
        env.put("JAVA_HOME", tmp.resolve("jdk").toString()); // for bin/spark-gen: the java of fakeHome
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new Result(process.exitValue(), output);
    }

    /**
     * bin/spark-gen in a home of its own, whose jar is up to date (no sources to be newer), and whose java is the
     * one running the tests with spark-gen's classes: the launcher as users run it, without building a jar.
     */
    private Path fakeHome() throws IOException {
        Path home = tmp.resolve("home");
        Path launcher = Files.createDirectories(home.resolve("bin")).resolve("spark-gen");
        Files.copy(SparkGenCli.ROOT.resolve("bin/spark-gen"), launcher);
        Files.writeString(Files.createDirectories(home.resolve("target")).resolve("spark-gen.jar"), "");
        Path java = Files.createDirectories(tmp.resolve("jdk/bin")).resolve("java");
        Files.writeString(java, "#!/usr/bin/env bash\n# stands in for java OPTIONS -jar spark-gen.jar ARGS\n"
                + "while [ \"$1\" != -jar ]; do shift; done; shift 2\n"
                + "exec " + spawn() + " \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return launcher;
    }
}
