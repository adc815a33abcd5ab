import dev.sparkgen.SparkGen;
import dev.sparkgen.output.OutputDirectory;
import dev.sparkgen.problem.Problem;
import dev.sparkgen.render.KubeVersion;
import dev.sparkgen.render.Rendered;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A stand-in for {@code spark-gen render DIR -o OUT} while multi-job rendering is not in the CLI: one process
 * renders every job through the library's facade (load, render) and writes OUT/<app>/ with spark-gen's own
 * OutputDirectory, then OUT/kustomization.yaml listing the apps. Nothing is written when any job fails.
 * bench/run uses it only when the CLI refuses a directory.
 *
 * <pre>java -cp target/spark-gen.jar:bench/work/classes BatchRender OUT [--profiles-dir DIR] JOB|DIR...</pre>
 */
public final class BatchRender {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        List<Path> profileDirs = new ArrayList<>();
        List<Path> jobs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--profiles-dir")) {
                profileDirs.add(Path.of(args[++i]));
            } else if (Files.isDirectory(Path.of(args[i]))) {
                try (Stream<Path> files = Files.list(Path.of(args[i]))) {
                    files.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(jobs::add);
                }
            } else {
                jobs.add(Path.of(args[i]));
            }
        }
        Path cwd = Path.of("").toAbsolutePath();
        SparkGen gen = new SparkGen(cwd);
        SparkGen.Options options = new SparkGen.Options(profileDirs, List.of());
        long start = System.nanoTime();
        SortedMap<String, Rendered> apps = new TreeMap<>();
        boolean failed = false;
        StringBuilder messages = new StringBuilder();
        for (Path job : jobs) {
            SparkGen.JobResult result = gen.load(job, job.toString(), options);
            for (Problem problem : result.problems()) {
                messages.append(problem.format()).append('\n');
            }
            if (!result.ok()) {
                failed = true;
                continue;
            }
            Rendered rendered = gen.render(result.app(), KubeVersion.DEFAULT, job.getFileName().toString());
            if (apps.put(rendered.app(), rendered) != null) {
                messages.append(job).append(": app ").append(rendered.app()).append(" is rendered twice\n");
                failed = true;
            }
        }
        System.err.print(messages);
        if (failed) {
            System.exit(1);
        }
        long rendered0 = System.nanoTime();
        for (Rendered rendered : apps.values()) {
            SortedMap<String, byte[]> files = new TreeMap<>();
            rendered.files().forEach((name, text) -> files.put(name, text.getBytes(StandardCharsets.UTF_8)));
            new OutputDirectory(out.resolve(rendered.app())).write(files);
        }
        StringBuilder kustomization = new StringBuilder("apiVersion: kustomize.config.k8s.io/v1beta1\n"
                + "kind: Kustomization\nresources:\n");
        apps.keySet().forEach(app -> kustomization.append("- ").append(app).append('\n'));
        SortedMap<String, byte[]> top = new TreeMap<>();
        top.put("kustomization.yaml", kustomization.toString().getBytes(StandardCharsets.UTF_8));
        new OutputDirectory(out).write(top);
        long written = System.nanoTime();
        System.err.printf("BatchRender: %d job(s) -> %s (load+render %.0f ms, write %.0f ms)%n", apps.size(), out,
                (rendered0 - start) / 1e6, (written - rendered0) / 1e6);
    }
}
