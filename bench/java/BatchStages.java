package dev.sparkgen.render;

import dev.sparkgen.merge.Merger;
import dev.sparkgen.model.App;
import dev.sparkgen.model.Binder;
import dev.sparkgen.model.Derive;
import dev.sparkgen.model.KubeVersion;
import dev.sparkgen.output.OutputDirectory;
import dev.sparkgen.problem.Problems;
import dev.sparkgen.profile.ProfileCatalog;
import dev.sparkgen.profile.Profiles;
import dev.sparkgen.rules.Rules;
import dev.sparkgen.schema.Schemas;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.YamlLoader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where a batch's CPU goes, by stage and by segment of the batch (jobs 1-50, 51-500, 501-1000): the steps of
 * {@code render DIR -o OUT} done one job after another on one thread, each timed in the thread's CPU time, and at
 * each segment's end every thread's CPU time from /proc (main, the JIT's compiler threads, the collector, the
 * rest). Run it with the JVM and options the launcher uses, so that warm-up is the one users get:
 *
 * <pre>java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp target/spark-gen.jar:bench/work/classes \
 *     dev.sparkgen.render.BatchStages CORPUS OUT</pre>
 *
 * It sits in spark-gen's render package to reach the steps {@link Renderer#render} keeps to itself; if the
 * renderer changes shape, change this (its output is compared with the CLI's by {@code diff -r}).
 */
public final class BatchStages {

    private static final String[] STAGES = {"read file", "YAML parse", "profiles+merge", "schema validate",
            "bind+derive", "rules", "view", "templates", "self-check", "readme", "stage files"};
    private static final int[] SEGMENTS = {50, 500, Integer.MAX_VALUE};

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static long mark;

    public static void main(String[] args) throws IOException {
        Map<String, Long> atMain = threadTicks();
        long setupStart = THREADS.getCurrentThreadCpuTime();
        Path corpus = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<Path> jobs;
        try (Stream<Path> files = Files.list(corpus.resolve("jobs"))) {
            jobs = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        Schemas schemas = Schemas.load();
        long schemasCpu = THREADS.getCurrentThreadCpuTime() - setupStart;
        Profiles profiles = new Profiles(() -> schemas);
        ProfileCatalog catalog = ProfileCatalog.of(List.of(corpus.resolve("profiles")), corpus.resolve("jobs"),
                Path.of("").toAbsolutePath());
        long t0 = THREADS.getCurrentThreadCpuTime();
        Templates templates = new Templates();
        long templatesCpu = THREADS.getCurrentThreadCpuTime() - t0;
        System.out.printf("set-up on main: %.0f ms CPU (schemas loaded and compiled %.0f ms, "
                + "templates made %.0f ms; each is parsed when first rendered); before main, all threads: %s%n",
                (THREADS.getCurrentThreadCpuTime() - setupStart) / 1e6, schemasCpu / 1e6, templatesCpu / 1e6,
                format(atMain));
        List<String> apps = new ArrayList<>();
        try (OutputDirectory.Write write = new OutputDirectory(out).begin()) {
            int from = 0;
            for (int limit : SEGMENTS) {
                int to = Math.min(limit, jobs.size());
                if (from >= to) {
                    break;
                }
                long[] cpu = new long[STAGES.length];
                Map<String, Long> before = threadTicks();
                long wall = System.nanoTime();
                for (int i = from; i < to; i++) {
                    apps.add(job(jobs.get(i), "jobs/" + jobs.get(i).getFileName(), profiles, catalog, schemas,
                            templates, write, cpu));
                }
                wall = System.nanoTime() - wall;
                Map<String, Long> threads = minus(threadTicks(), before);
                long total = 0;
                for (long c : cpu) {
                    total += c;
                }
                int n = to - from;
                System.out.printf("%njobs %d-%d: %.0f ms wall, %.2f ms of main-thread CPU a job, all threads %s%n",
                        from + 1, to, wall / 1e6, total / 1e6 / n, format(threads));
                for (int s = 0; s < STAGES.length; s++) {
                    System.out.printf("  %-16s %7.0f us/job  %5.1f %%%n", STAGES[s], cpu[s] / 1e3 / n,
                            100.0 * cpu[s] / total);
                }
                from = to;
            }
            apps.sort(null);
            write.add("kustomization.yaml", templates.render("root-kustomization.yaml", new Renderer.Root(apps)));
            write.commit();
        }
        System.out.printf("%nwhole process, all threads: %s%n", format(threadTicks()));
    }

    private static String job(Path file, String display, Profiles profiles, ProfileCatalog catalog,
                              Schemas schemas, Templates templates, OutputDirectory.Write write, long[] cpu)
            throws IOException {
        mark = THREADS.getCurrentThreadCpuTime();
        Problems problems = new Problems();
        byte[] bytes = Files.readAllBytes(file);
        lap(cpu, 0);
        MapNode job = YamlLoader.loadMapping(display, bytes, problems);
        lap(cpu, 1);
        List<MapNode> layers = new ArrayList<>(profiles.layers(job.get("profiles"), catalog, problems));
        layers.add(job);
        MapNode merged = Merger.merge(job.origin(), layers);
        lap(cpu, 2);
        schemas.validate(Schemas.Kind.JOB, merged, problems);
        lap(cpu, 3);
        App app = Derive.app(Binder.bind(merged, schemas.defaults()));
        lap(cpu, 4);
        Rules.check(app, merged, problems, KubeVersion.DEFAULT);
        lap(cpu, 5);
        if (problems.hasErrors()) {
            throw new IllegalStateException(display + ": " + problems.all());
        }
        View view = View.of(app, KubeVersion.DEFAULT, file.getFileName().toString());
        lap(cpu, 6);
        Templates.Run run = templates.start(view);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("spark-defaults.conf", run.render("spark-defaults.conf"));
        files.put("spark-env.sh", run.render("spark-env.sh"));
        files.put(App.TEMPLATE_FILE, run.render("executor-pod-template.yaml"));
        run.put("files", new Renderer.ConfigFiles(files.get("spark-defaults.conf"), files.get("spark-env.sh"),
                files.get(App.TEMPLATE_FILE), ""));
        run.put("podSpec", run.render("driver-pod-spec.yaml"));
        if (view.job() != null) {
            run.put("jobSpec", run.render("driver-job-spec.yaml"));
        }
        Map<String, String> rendered = new LinkedHashMap<>();
        for (String name : view.resources()) {
            rendered.put(name, run.render(name));
        }
        rendered.put(Rendered.KUSTOMIZATION, run.render(Rendered.KUSTOMIZATION));
        lap(cpu, 7);
        SelfCheck.verify(app, view, files, rendered);
        lap(cpu, 8);
        run.put("readme", Readme.of(app, view.resources(), KubeVersion.DEFAULT));
        rendered.put(Rendered.README, run.render(Rendered.README));
        lap(cpu, 9);
        rendered.forEach((name, text) -> write.add(app.name() + "/" + name, text));
        lap(cpu, 10);
        return app.name();
    }

    private static void lap(long[] cpu, int stage) {
        long now = THREADS.getCurrentThreadCpuTime();
        cpu[stage] += now - mark;
        mark = now;
    }

    /** CPU time (user + sys, in clock ticks of 10 ms) of every thread of this process, by kind of thread. */
    private static Map<String, Long> threadTicks() throws IOException {
        Map<String, Long> ticks = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException e) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                String kind = name.startsWith("C1 ") || name.startsWith("C2 ") ? "JIT"
                        : name.startsWith("GC") || name.startsWith("VM Thread") ? "GC+VM"
                        : name.equals("java") || name.equals("main") ? "main" : "other";
                ticks.merge(kind, t, Long::sum);
            }
        }
        return ticks;
    }

    private static Map<String, Long> minus(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> d = new TreeMap<>(a);
        b.forEach((k, v) -> d.merge(k, -v, Long::sum));
        return d;
    }

    private static String format(Map<String, Long> ticks) {
        long total = ticks.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder s = new StringBuilder(String.format("%d ms CPU (", total * 10));
        ticks.forEach((k, v) -> s.append(k).append(' ').append(v * 10).append(", "));
        s.setLength(s.length() - 2);
        return s.append(")").toString();
    }
}
