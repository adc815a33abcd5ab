package dev.sparkgen.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkgen.testing.SparkGenCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A render of a directory validates its jobs on several threads at once, in a run whose schemas are not compiled
 * yet: the Kubernetes definitions a job reaches are compiled when a job first reaches them (networknt's compiling
 * on first use is not synchronised, so {@link Schemas#validate} takes a lock). Whatever the threads, it reports
 * exactly what validating each job alone does, and writes nothing. (The race the lock prevents is rare: this test
 * did not catch it in 30 runs without the lock; it holds the batch to the single job's problems.)
 */
class ParallelValidationTest {

    @TempDir
    Path dir;

    /** Each job passes different Kubernetes objects through; every third has a mistake inside one. */
    private static String job(int i) {
        String mistake = i % 3 == 0 ? "efect" : "effect";
        return "apiVersion: spark-gen/v1\nkind: SparkJob\nname: job-" + i + "\n"
                + "image: apache/spark:3.5.1\nmainApplicationFile: local:///opt/app/" + i + ".py\n"
                + switch (i % 4) {
                    case 0 -> "executor:\n  tolerations:\n  - key: spot\n    operator: Exists\n    " + mistake
                            + ": NoSchedule\n";
                    case 1 -> "driver:\n  env:\n  - name: PW\n    valueFrom:\n      secretKeyRef: {name: s, "
                            + (i % 3 == 0 ? "ky" : "key") + ": k}\n";
                    case 2 -> "volumes:\n- name: data\n  emptyDir: {sizeLimit: 1Gi" + (i % 3 == 0 ? ", medum: x" : "")
                            + "}\ndriver:\n  volumeMounts:\n  - {name: data, mountPath: /data}\n";
                    default -> "executor:\n  affinity:\n    nodeAffinity:\n      preferredDuringSchedulingIgnored"
                            + "DuringExecution:\n      - weight: " + (i % 3 == 0 ? "heavy" : "1")
                            + "\n        preference:\n          matchExpressions:\n          - {key: zone, "
                            + "operator: In, values: [a]}\n";
                };
    }

    @Test
    void aDirectoryRenderedOnSeveralThreads_reportsWhatEachJobReportsAlone() throws IOException {
        Path jobs = Files.createDirectories(dir.resolve("jobs"));
        TreeSet<String> alone = new TreeSet<>();
        for (int i = 0; i < 24; i++) {
            Files.writeString(jobs.resolve("job-" + (i < 10 ? "0" : "") + i + ".yaml"), job(i));
        }
        try (var files = Files.list(jobs)) {
            for (Path file : files.sorted().toList()) {
                alone.addAll(SparkGenCli.runIn(dir, "validate", "jobs/" + file.getFileName()).errLines());
            }
        }
        alone.removeIf(line -> line.endsWith(": valid"));

        SparkGenCli.Result together = SparkGenCli.runIn(dir, "render", "jobs", "-o", "out");

        List<String> problems = new ArrayList<>(together.errLines());
        problems.removeIf(line -> !line.startsWith("jobs/"));
        assertEquals(1, together.exitCode(), together.err());
        assertEquals(List.copyOf(alone), problems.stream().sorted().toList());
        assertTrue(alone.size() >= 8, "every third job has a mistake: " + alone);
        assertTrue(Files.notExists(dir.resolve("out")), "nothing is written when a job has an error");
    }
}
