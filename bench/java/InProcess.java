import dev.sparkgen.SparkGen;
import dev.sparkgen.model.KubeVersion;
import dev.sparkgen.render.Rendered;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The per-job cost of the same loop as JMH's {@code pipeline} benchmark (load a job file, render it, encode the
 * files; no disk writes), in wall time AND in the thread's CPU time. The CPU time is what to compare when the
 * machine is shared: other processes stretch wall time, not the thread's own CPU time. Not a replacement
 * for JMH (no forks, no blackhole), a cross-check that bench/run can afford on every run.
 *
 * <pre>java -cp target/spark-gen.jar:bench/work/classes InProcess CORPUS [warmupRounds] [rounds]</pre>
 */
public final class InProcess {

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<Path> jobs;
        try (Stream<Path> files = Files.list(corpus.resolve("jobs"))) {
            jobs = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        SparkGen gen = new SparkGen(Path.of("").toAbsolutePath());
        SparkGen.Options options = new SparkGen.Options(List.of(corpus.resolve("profiles")), List.of());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        double[] wall = new double[rounds];
        double[] cpu = new double[rounds];
        for (int round = -warmup; round < rounds; round++) {
            long w0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            for (Path job : jobs) {
                SparkGen.JobResult result = gen.load(job, job.toString(), options);
                Rendered rendered = gen.render(result.app(), KubeVersion.DEFAULT, job.getFileName().toString());
                for (String text : rendered.files().values()) {
                    sink += text.getBytes(StandardCharsets.UTF_8).length;
                }
            }
            if (round >= 0) {
                wall[round] = (System.nanoTime() - w0) / 1e3 / jobs.size();
                cpu[round] = (threads.getCurrentThreadCpuTime() - c0) / 1e3 / jobs.size();
            }
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf("java-inprocess jobs=%d warmup=%d rounds=%d per_job_us_median=%.1f per_job_us_min=%.1f "
                        + "cpu_us_median=%.1f cpu_us_min=%.1f bytes=%d%n", jobs.size(), warmup, rounds,
                wall[rounds / 2], wall[0], cpu[rounds / 2], cpu[0], sink);
    }
}
