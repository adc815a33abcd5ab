package dev.sparkgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkgen.testing.SparkGenCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/spark-gen as a new user meets it: called through a symbolic link from another directory, in a clone whose
 * jar is not built yet, with a PATH that holds only the tools the launcher uses (and a stub Maven, or none).
 */
class LauncherTest {

    private static final List<String> TOOLS = List.of("bash", "readlink", "find", "mkdir", "flock");

    @TempDir
    Path tmp;

    private Path clone;
    private Path link;
    private Path tools;

    /** A clone with no jar yet, its launcher linked from ~/bin, and a PATH with the launcher's tools only. */
    @BeforeEach
    void makeClone() throws IOException {
        clone = Files.createDirectories(tmp.resolve("clone")).toRealPath();
        Files.createDirectories(clone.resolve("bin"));
        Files.createDirectories(clone.resolve("src/main"));
        Files.writeString(clone.resolve("pom.xml"), "<project/>\n");
        Files.copy(SparkGenCli.ROOT.resolve("bin/spark-gen"), clone.resolve("bin/spark-gen"));
        link = tmp.resolve("home/bin/spark-gen");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, clone.resolve("bin/spark-gen"));
        tools = tmp.resolve("tools");
        Files.createDirectories(tools);
        for (String tool : TOOLS) {
            Path real = Files.exists(Path.of("/usr/bin", tool)) ? Path.of("/usr/bin", tool) : Path.of("/bin", tool);
            // a script, not a link: the test's temporary directory keeps no link to outside it
            executable(tools.resolve(tool), "#!/bin/sh\nexec " + real + " \"$@\"\n");
        }
        Files.createDirectories(tmp.resolve("elsewhere"));
    }

    private static void executable(Path file, String script) throws IOException {
        Files.writeString(file, script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Run(int exitCode, String out, String err) {
    }

    /** Runs the link from another directory with PATH=tools only. */
    private Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(link.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(tmp.resolve("elsewhere").toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", tools.toString());
        env.put("HOME", tmp.resolve("home").toString());
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), out, err);
    }

    @Test
    void withoutMaven_saysItIsMissingAndPointsToTheRelease_throughASymlink() throws Exception {
        Run run = run("render", "job.yaml", "-o", "-");

        assertEquals(3, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertEquals("spark-gen: building spark-gen in " + clone + " needs Maven 3.8 or later and a JDK 17 or later; "
                + "mvn is not on the PATH. Install Maven (apt-get install maven), or install a release, which needs "
                + "neither (see \"Install\" in " + clone + "/README.md).\n", run.err());
    }

    @Test
    void throughASymlink_buildsInTheClone_sayingSoAndHowLongItTakes() throws Exception {
        Path calls = tmp.resolve("mvn-calls");
        Path mvn = tools.resolve("mvn");
        executable(mvn, "#!/usr/bin/env bash\necho \"$PWD: $*\" >>" + calls + "\necho 'BUILD FAILURE' >&2\nexit 1\n");

        Run run = run("--version");

        assertEquals(List.of(clone + ": -q -B -Dmaven.test.skip=true package"), Files.readAllLines(calls));
        assertEquals(3, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertEquals(List.of("spark-gen: building " + clone + "/target/spark-gen.jar with Maven (the first run, or the "
                        + "sources changed; about 20 s on an idle 2-core machine)...", "BUILD FAILURE",
                "spark-gen: the build failed (Maven's messages above)"), run.err().lines().toList());
    }
}
